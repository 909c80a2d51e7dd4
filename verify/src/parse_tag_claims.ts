import { CLAIMS_VERSION, SESSION_CLASSES, TAG_TTL_SECONDS, isAgentDriven } from '@telltale/shared';
import type { Reason, SessionClass, TagClaims } from '@telltale/shared';

import { TagVerificationError } from './tag_verification_error';

/** Claims versions (`v`) this package can read. */
export const SUPPORTED_CLAIMS_VERSIONS: readonly number[] = [CLAIMS_VERSION];

/** Reason codes are lowercase snake_case wire strings. */
const REASON_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;

function invalidClaims(problem: string): TagVerificationError {
  return new TagVerificationError(
    'tag_malformed',
    `Tag claims are invalid: ${problem}. Request a new tag from the ingest service, and check that ` +
      '@telltale/verify is as new as the ingest service that issued it.',
  );
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

function isSessionClass(value: unknown): value is SessionClass {
  return typeof value === 'string' && (SESSION_CLASSES as readonly string[]).includes(value);
}

/**
 * Checks the shape of a verified tag's payload and returns the claims as `TagClaims`, with
 * claims outside the contract left out.
 *
 * NOTE: `reasons` are checked for format only, not against the `REASONS` list, so that a
 * reason code added by a newer ingest service does not make every tag carrying it invalid.
 *
 * @throws TagVerificationError `tag_malformed`, naming the first claim that is wrong.
 */
export function parseTagClaims(payload: Record<string, unknown>): TagClaims {
  const { iss, sub, aud, iat, exp, v, cls, agent_driven: agentDriven, fw, score, reasons } = payload;

  if (!isNonEmptyString(iss)) throw invalidClaims('`iss` must be a non-empty string');
  if (!isNonEmptyString(sub)) throw invalidClaims('`sub` must be a non-empty string');
  if (!isNonEmptyString(aud)) throw invalidClaims('`aud` must be a single site key string');

  if (typeof iat !== 'number' || !Number.isFinite(iat)) throw invalidClaims('`iat` must be a number');
  if (typeof exp !== 'number' || !Number.isFinite(exp)) throw invalidClaims('`exp` must be a number');
  if (exp <= iat) throw invalidClaims('`exp` must be later than `iat`');
  if (exp - iat > TAG_TTL_SECONDS) {
    throw invalidClaims(`\`exp\` must be at most ${TAG_TTL_SECONDS} seconds after \`iat\``);
  }

  if (typeof v !== 'number') throw invalidClaims('`v` (claims version) must be a number');
  if (!SUPPORTED_CLAIMS_VERSIONS.includes(v)) {
    throw invalidClaims(`claims version \`v\` is not one of ${SUPPORTED_CLAIMS_VERSIONS.join(', ')}`);
  }

  if (!isSessionClass(cls)) throw invalidClaims(`\`cls\` must be one of ${SESSION_CLASSES.join(', ')}`);
  if (typeof agentDriven !== 'boolean') throw invalidClaims('`agent_driven` must be a boolean');
  if (agentDriven !== isAgentDriven(cls)) throw invalidClaims('`agent_driven` contradicts `cls`');

  if (fw !== null && !isNonEmptyString(fw)) throw invalidClaims('`fw` must be a non-empty string or null');
  if (typeof score !== 'number' || !(score >= 0 && score <= 1)) {
    throw invalidClaims('`score` must be a number from 0 to 1');
  }
  if (!Array.isArray(reasons)) throw invalidClaims('`reasons` must be an array');
  for (const reason of reasons as unknown[]) {
    if (typeof reason !== 'string' || !REASON_PATTERN.test(reason)) {
      throw invalidClaims('`reasons` must contain only snake_case reason codes');
    }
  }

  return {
    iss,
    sub,
    aud,
    iat,
    exp,
    v,
    cls,
    agent_driven: agentDriven,
    fw,
    score,
    reasons: [...(reasons as Reason[])],
  };
}
