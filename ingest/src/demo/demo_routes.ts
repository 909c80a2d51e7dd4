import { Hono } from 'hono';
import { isAgentDriven } from '@telltale/shared';
import { telltale, type TelltaleVariables } from '@telltale/verify/hono';

import type { AppDependencies, AppEnv } from '../http/app_env';
import { ARTICLES, ARTICLES_PER_PAGE } from './articles';
import { renderArticle, renderArticleList, renderHomePage } from './demo_pages';

const DEMO_SITE = 'pk_demo';

/**
 * The demo app: pages with the script tag, and a small backend protected by
 * `@telltale/verify`. Requests without a tag are `unknown` here; request-signature
 * analysis for clients that never run JavaScript is not part of this backend yet.
 */
export function demoRoutes(deps: AppDependencies) {
  const app = new Hono<AppEnv & { Variables: TelltaleVariables }>();

  app.get('/demo', (c) => c.redirect('/demo/', 301));
  app.get('/demo/', (c) => c.html(renderHomePage()));
  app.get('/demo/articles', (c) => c.html(renderArticleList(1)));
  app.get('/demo/articles/page/:page{[0-9]+}', (c) => {
    const page = Number(c.req.param('page'));
    if (page < 1 || (page - 1) * ARTICLES_PER_PAGE >= ARTICLES.length) return c.notFound();
    return c.html(renderArticleList(page));
  });
  app.get('/demo/articles/:slug', (c) => {
    const article = ARTICLES.find((a) => a.slug === c.req.param('slug'));
    return article ? c.html(renderArticle(article)) : c.notFound();
  });

  // The verifier gets the JWKS in memory, as a backend with a copy of the keys would;
  // other backends pass `jwksUrl` pointing at /.well-known/jwks.json.
  app.use('/demo/api/*', telltale({ jwks: deps.signer.jwks(), audience: DEMO_SITE }));

  app.get('/demo/api/whoami', (c) => {
    const result = c.get('telltale');
    if (result.status === 'verified') {
      const { cls, agent_driven, fw, reasons } = result.claims;
      return c.json({ class: cls, agentDriven: agent_driven, framework: fw, reasons });
    }
    const tagError = result.status === 'invalid' ? result.error.code : null;
    return c.json({ class: 'unknown', agentDriven: false, framework: null, reasons: [], tagError });
  });

  app.get('/demo/api/search', (c) => {
    const query = (c.req.query('q') ?? '').trim().toLowerCase().slice(0, 100);
    const results = query === '' ? [] : ARTICLES.filter((a) => `${a.title} ${a.summary}`.toLowerCase().includes(query));
    return c.json({ results: results.map(({ slug, title, summary }) => ({ slug, title, summary })) });
  });

  app.get('/demo/api/account', (c) => {
    const result = c.get('telltale');
    const cls = result.status === 'verified' ? result.claims.cls : 'unknown';
    if (cls !== 'human') {
      return c.json(
        {
          error: {
            code: 'forbidden',
            message: `Account data is for people only; this request is classified ${cls}${isAgentDriven(cls) ? ' (Agent-Driven)' : ''}.`,
            requestId: c.get('requestId'),
          },
        },
        403,
      );
    }
    return c.json({ account: { name: 'Demo Person', plan: 'free', sessionId: result.status === 'verified' ? result.claims.sub : null } });
  });

  return app;
}
