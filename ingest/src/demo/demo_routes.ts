import { Hono } from 'hono';
import { isAgentDriven } from '@telltale/shared';
import { createAuditReporter, createEnforcer } from '@telltale/verify/enforce';
import { telltale, type TelltaleVariables } from '@telltale/verify/hono';
import { telltaleEnforce, type TelltaleEnforceVariables } from '@telltale/verify/hono-enforce';

import type { AppDependencies, AppEnv } from '../http/app_env';
import { appendAuditRecords } from '../store/audit_records';
import { ARTICLES, ARTICLES_PER_PAGE } from './articles';
import { DEMO_POLICY } from './demo_policy';
import { renderArticle, renderArticleList, renderHomePage } from './demo_pages';

const DEMO_SITE = 'pk_demo';

/**
 * Builds the demo app: pages with the script tag, and a small backend protected by
 * `@telltale/verify`. `/demo/api/whoami` verifies the tag, and classifies a request
 * without one from the request alone (`deps.requestClassifier`). Search and account go
 * through the enforcement middleware with `DEMO_POLICY`, which uses the same classifier for
 * requests without a tag, and each of their decisions is written to the audit log.
 */
export function demoRoutes(deps: AppDependencies) {
  const app = new Hono<{ Variables: AppEnv['Variables'] & TelltaleVariables & TelltaleEnforceVariables }>();

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

  // The verifiers read the JWKS from the signer, as a backend with a copy of the keys would,
  // so they follow key rotations. Other backends pass `jwksUrl` pointing at /.well-known/jwks.json.
  const jwks = () => deps.signer.jwks();
  app.use('/demo/api/whoami', telltale({ jwks, audience: DEMO_SITE }));

  // The demo backend runs inside the ingest service, so its reporter writes to the audit
  // log directly instead of posting to /v1/audit/events.
  const reporter = createAuditReporter({
    source: 'demo-backend',
    send: async ({ source, decisions }) => {
      appendAuditRecords(deps.db, decisions.map((decision) => ({ ...decision, kind: 'enforcement' as const, source })));
    },
    flushIntervalMs: 250,
  });
  const enforcer = createEnforcer({
    jwks,
    audience: DEMO_SITE,
    policy: DEMO_POLICY,
    onDecision: reporter.report,
    // Requests without a tag (API clients, signed agents) are judged from the request itself.
    classifyRequest: async (request) => {
      if (!request.fetchRequest) return null;
      const verdict = await deps.requestClassifier.classify(request.fetchRequest());
      const agent = verdict.agent ? { id: verdict.agent.id, scopes: verdict.agent.scopes } : null;
      return { cls: verdict.cls, framework: verdict.framework, reasons: verdict.reasons, agent };
    },
  });
  const enforce = telltaleEnforce({ enforcer, clientAddress: (c) => deps.clientNetwork(c) });
  app.use('/demo/api/search', enforce);
  app.use('/demo/api/account', enforce);

  app.get('/demo/api/whoami', async (c) => {
    const result = c.get('telltale');
    if (result.status === 'verified') {
      const { cls, agent_driven, fw, reasons } = result.claims;
      return c.json({ class: cls, agentDriven: agent_driven, framework: fw, reasons });
    }
    // Without a valid tag the request itself is the evidence (user agent, browser headers,
    // Web Bot Auth signature), as in the enforcement middleware. An invalid tag is named too.
    const request = await deps.requestClassifier.classify(c.req.raw);
    const verdict = { class: request.cls, agentDriven: request.agentDriven, framework: request.framework, reasons: request.reasons };
    return c.json(result.status === 'invalid' ? { ...verdict, tagError: result.error.code } : verdict);
  });

  app.get('/demo/api/search', (c) => {
    const query = (c.req.query('q') ?? '').trim().toLowerCase().slice(0, 100);
    const results = query === '' ? [] : ARTICLES.filter((a) => `${a.title} ${a.summary}`.toLowerCase().includes(query));
    return c.json({ results: results.map(({ slug, title, summary }) => ({ slug, title, summary })) });
  });

  app.get('/demo/api/account', (c) => {
    const decision = c.get('telltaleDecision');
    return c.json({ account: { name: 'Demo Person', plan: 'free', sessionId: decision.claims?.sub ?? null }, class: decision.class, agentDriven: isAgentDriven(decision.class) });
  });

  return app;
}
