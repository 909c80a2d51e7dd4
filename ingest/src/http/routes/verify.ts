import { Hono } from 'hono';
import { createVerifier, TagVerificationError, type Verifier } from '@telltale/verify';
import { z } from 'zod';

import { listSiteIds } from '../../store/sites';
import { ApiError } from '../api_error';
import type { AppDependencies, AppEnv } from '../app_env';
import { readJsonBody } from '../read_json_body';

const verifyRequestSchema = z.object({
  tag: z.string().min(1).max(8192),
  /** Site key the tag must be for; defaults to any site registered here. */
  audience: z.string().min(1).max(64).optional(),
});

/** `POST /v1/verify`: verifies a tag for backends that cannot verify locally. */
export function verifyRoutes(deps: AppDependencies) {
  const app = new Hono<AppEnv>();
  // One verifier per audience list, so repeated checks of a tag hit the verifier's cache.
  const verifiers = new Map<string, Verifier>();
  const verifierFor = (audience: string[]) => {
    const key = audience.join(' ');
    let verifier = verifiers.get(key);
    if (!verifier) {
      if (verifiers.size >= 64) verifiers.clear();
      verifier = createVerifier({ jwks: deps.signer.jwks(), audience, now: () => deps.now() });
      verifiers.set(key, verifier);
    }
    return verifier;
  };

  app.post('/v1/verify', async (c) => {
    const body = await readJsonBody(c.req.raw, 16 * 1024);
    const parsed = verifyRequestSchema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ApiError('invalid_payload', `Field ${issue.path.join('.') || '(body)'} is invalid: ${issue.message}; send { "tag": "<tag>" }.`);
    }

    const audience = parsed.data.audience ? [parsed.data.audience] : listSiteIds(deps.db);
    try {
      const claims = await verifierFor(audience).verify(parsed.data.tag);
      return c.json({ valid: true, claims });
    } catch (error) {
      if (error instanceof TagVerificationError) throw new ApiError(error.code, error.message);
      throw error;
    }
  });

  return app;
}
