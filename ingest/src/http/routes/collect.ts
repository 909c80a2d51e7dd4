import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { MAX_BEACON_BYTES } from '@telltale/shared';
import { beaconSchema, formatIssuePath } from '@telltale/shared/schema';
import { analyseRequestHeaders } from '@telltale/verify';

import type { RequestFacts } from '../../classify/types';
import { acceptBeacon } from '../../pipeline/accept_beacon';
import { classifyBeaconSignature } from '../../pipeline/classify_beacon_signature';
import { findSite } from '../../store/sites';
import { ApiError } from '../api_error';
import type { AppEnv, AppDependencies } from '../app_env';
import { expandBeaconRows } from '../expand_beacon_rows';
import { readJsonBody } from '../read_json_body';

/** `POST /v1/collect`: validates a beacon, classifies the session and returns its tag. */
export function collectRoutes(deps: AppDependencies) {
  const app = new Hono<AppEnv>();

  // The page's origin is checked against the site in the handler, because the site key
  // is in the body. Responses must be readable cross-origin so the page gets its tag.
  app.use('/v1/collect', cors({ origin: (origin) => origin, allowMethods: ['POST'], allowHeaders: ['Content-Type', 'Content-Encoding', 'Signature', 'Signature-Input', 'Signature-Agent'], maxAge: 600 }));

  app.post('/v1/collect', async (c) => {
    const body = await readJsonBody(c.req.raw, MAX_BEACON_BYTES, 'Beacon');

    const rowEncoded = expandBeaconRows(body);
    const parsed = beaconSchema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      // Event i of a row-encoded beacon came from rows[i], so the message names the row the client sent.
      const path = rowEncoded && issue.path[0] === 'events' ? ['rows', ...issue.path.slice(1)] : issue.path;
      throw new ApiError('invalid_payload', `Beacon field ${formatIssuePath(path)} is invalid: ${issue.message}.`);
    }
    const beacon = parsed.data;

    const site = findSite(deps.db, beacon.site);
    if (!site) throw new ApiError('unknown_site_key', 'Site key is not registered with this service; check the data-site attribute of the script tag.');
    const origin = c.req.header('origin');
    if (origin && !site.origins.includes('*') && !site.origins.includes(origin)) {
      throw new ApiError('origin_not_allowed', 'This page origin is not allowed for the site key; add it to the site\'s allowed origins.');
    }

    const request = requestFacts(c.req.raw.headers, deps.now());
    if (beacon.env === undefined) {
      // Without the SDK's environment facts, the request's user agent is all the client declares.
      const headers = analyseRequestHeaders(c.req.url, c.req.raw.headers);
      if (headers.declaresAutomation) request.declaredClient = { framework: headers.framework, evidence: headers.evidence };
    }
    const identity = await classifyBeaconSignature(deps.requestClassifier, c.req.raw, beacon.path);
    if (identity !== undefined) request.identity = identity;
    const result = await acceptBeacon(deps, beacon, { request, clientNetwork: deps.clientNetwork(c) });
    if (result.status === 'wrong_site') {
      throw new ApiError('invalid_payload', 'Beacon field sid belongs to a session of another site; generate a new session id.');
    }
    if (result.status === 'replayed') {
      throw new ApiError('sequence_replayed', `Beacon sequence number was already received for this session (last stored: ${result.lastSeq}); send a higher seq.`);
    }

    c.get('log').info({
      event: 'beacon_accepted',
      siteId: beacon.site,
      sessionId: beacon.sid,
      seq: beacon.seq,
      eventCount: beacon.events.length,
      class: result.decision.cls,
      score: result.decision.score,
      reasons: result.decision.reasons,
      classChanged: result.classChanged,
      tagSigned: result.tagSigned,
    });
    return c.json(result.response);
  });

  return app;
}

function requestFacts(headers: Headers, receivedAt: number): RequestFacts {
  return {
    userAgent: headers.get('user-agent'),
    secChUa: headers.get('sec-ch-ua'),
    secChUaMobile: headers.get('sec-ch-ua-mobile'),
    secChUaPlatform: headers.get('sec-ch-ua-platform'),
    acceptLanguage: headers.get('accept-language'),
    secFetchSite: headers.get('sec-fetch-site'),
    secFetchMode: headers.get('sec-fetch-mode'),
    secFetchDest: headers.get('sec-fetch-dest'),
    receivedAt,
  };
}
