/** Articles of the demo app. */
export interface Article {
  slug: string;
  title: string;
  summary: string;
  body: string;
}

const TOPICS = [
  ['keystroke-dynamics', 'Keystroke dynamics', 'How the rhythm of typing differs between people and programs.'],
  ['pointer-trajectories', 'Pointer trajectories', 'Why hands draw curves and scripts draw lines.'],
  ['web-bot-auth', 'Web Bot Auth', 'Agents that sign their requests with HTTP message signatures.'],
  ['headless-browsers', 'Headless browsers', 'What a browser without a window gives away.'],
  ['rate-limits', 'Rate limits per class', 'Letting people browse freely while slowing scrapers down.'],
  ['session-tags', 'Signed session tags', 'Handing a verdict to backends that verify it offline.'],
  ['timer-precision', 'Timer precision', 'Coarse clocks in privacy browsers and what they hide.'],
  ['dwell-time', 'Dwell and reading time', 'Reading takes time; fetching a page does not.'],
  ['client-hints', 'User-Agent Client Hints', 'Brands, versions and platforms that must agree with the user agent.'],
] as const;

export const ARTICLES: readonly Article[] = TOPICS.map(([slug, title, summary]) => ({
  slug,
  title,
  summary,
  body: `${summary} This demo article is here so that the page has something to read, scroll and navigate between.`,
}));

export const ARTICLES_PER_PAGE = 3;
