import { html, raw } from 'hono/html';

import { ARTICLES, ARTICLES_PER_PAGE, type Article } from './articles';

const STYLE = `
body { font: 16px/1.5 system-ui, sans-serif; margin: 0; color: #1d2330; background: #f6f7f9; }
header, main { max-width: 46rem; margin: 0 auto; padding: 1rem; }
header { display: flex; gap: 1rem; align-items: center; }
header a { color: inherit; }
section { background: #fff; border: 1px solid #dde1e7; border-radius: 8px; padding: 1rem 1.25rem; margin: 1rem 0; }
label { display: block; margin: .5rem 0 .25rem; }
input { font: inherit; padding: .4rem .5rem; width: 100%; box-sizing: border-box; }
button { font: inherit; margin-top: .75rem; padding: .4rem 1rem; }
pre { background: #f0f2f5; padding: .75rem; overflow-x: auto; }
nav.pages a { margin-right: .75rem; }
`;

function layout(title: string, content: unknown) {
  return html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title} · Telltale demo</title>
    <style>${raw(STYLE)}</style>
    <script async src="/sdk/telltale.js" data-site="pk_demo"></script>
  </head>
  <body>
    <header><strong>Telltale demo</strong><a href="/demo/">Sign in</a><a href="/demo/articles">Articles</a></header>
    <main>${content}</main>
  </body>
</html>`;
}

/** Renders the start page: sign-in form, search box and the class the demo backend assigns. */
export function renderHomePage() {
  return layout(
    'Sign in',
    html`<section>
        <h1>Sign in</h1>
        <form id="signin" autocomplete="on">
          <label for="username">Username</label>
          <input id="username" name="username" autocomplete="username" required />
          <label for="password">Password</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required />
          <button type="submit">Sign in</button>
        </form>
      </section>
      <section>
        <h2>Search articles</h2>
        <label for="search">Search</label>
        <input id="search" type="search" name="q" />
        <ul id="search-results"></ul>
      </section>
      <section>
        <h2>What the backend sees</h2>
        <p>The page's session tag, verified by the demo backend at <code>/demo/api/whoami</code>.</p>
        <pre id="result">Interact with the page, then sign in.</pre>
      </section>
      <script type="module">${raw(HOME_SCRIPT)}</script>`,
  );
}

const HOME_SCRIPT = `
const result = document.getElementById('result');
const headers = () => (window.telltale ? window.telltale.headers() : {});

async function showWhoami() {
  if (window.telltale) await window.telltale.flush();
  const response = await fetch('/demo/api/whoami', { headers: headers() });
  result.textContent = JSON.stringify(await response.json(), null, 2);
}

document.getElementById('signin').addEventListener('submit', (event) => {
  event.preventDefault();
  showWhoami().catch((error) => { result.textContent = 'Request failed: ' + error.message; });
});

let searchTimer;
document.getElementById('search').addEventListener('input', (event) => {
  clearTimeout(searchTimer);
  const query = event.target.value;
  searchTimer = setTimeout(async () => {
    const response = await fetch('/demo/api/search?q=' + encodeURIComponent(query), { headers: headers() });
    const list = document.getElementById('search-results');
    list.replaceChildren();
    if (!response.ok) return;
    for (const article of (await response.json()).results) {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = '/demo/articles/' + article.slug;
      link.textContent = article.title;
      item.append(link);
      list.append(item);
    }
  }, 250);
});
`;

/**
 * Renders the article list. Pages switch with the History API (a single-page-app route change),
 * and each page also has its own URL for full loads.
 */
export function renderArticleList(page: number) {
  const pageCount = Math.ceil(ARTICLES.length / ARTICLES_PER_PAGE);
  const pageLinks = Array.from({ length: pageCount }, (_, i) => html`<a href="/demo/articles/page/${i + 1}" data-page="${i + 1}">Page ${i + 1}</a>`);
  return layout(
    'Articles',
    html`<section>
        <h1>Articles</h1>
        <ul id="articles">${articleItems(page)}</ul>
        <nav class="pages">${pageLinks}</nav>
      </section>
      <script type="module">${raw(LIST_SCRIPT(ARTICLES, ARTICLES_PER_PAGE))}</script>`,
  );
}

function articleItems(page: number) {
  const start = (page - 1) * ARTICLES_PER_PAGE;
  return ARTICLES.slice(start, start + ARTICLES_PER_PAGE).map(
    (article) => html`<li><a href="/demo/articles/${article.slug}">${article.title}</a>: ${article.summary}</li>`,
  );
}

const LIST_SCRIPT = (articles: readonly Article[], perPage: number) => `
const articles = ${JSON.stringify(articles.map(({ slug, title, summary }) => ({ slug, title, summary })))};
function show(page) {
  const list = document.getElementById('articles');
  list.replaceChildren();
  for (const article of articles.slice((page - 1) * ${perPage}, page * ${perPage})) {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = '/demo/articles/' + article.slug;
    link.textContent = article.title;
    item.append(link, ': ' + article.summary);
    list.append(item);
  }
}
document.querySelector('nav.pages').addEventListener('click', (event) => {
  const link = event.target.closest('a[data-page]');
  if (!link) return;
  event.preventDefault();
  const page = Number(link.dataset.page);
  history.pushState({ page }, '', link.href);
  show(page);
});
window.addEventListener('popstate', (event) => show(event.state?.page ?? 1));
`;

/** Renders one article. */
export function renderArticle(article: Article) {
  return layout(
    article.title,
    html`<article>
      <section>
        <h1>${article.title}</h1>
        <p>${article.body}</p>
        <p><a href="/demo/articles">Back to the list</a></p>
      </section>
    </article>`,
  );
}
