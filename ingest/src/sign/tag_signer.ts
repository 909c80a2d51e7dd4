import { SignJWT, type JSONWebKeySet } from 'jose';
import { CLAIMS_VERSION, TAG_TTL_SECONDS, isAgentDriven, type Reason, type SessionClass } from '@telltale/shared';

import type { SigningKey } from './signing_keys';

export interface TagInput {
  sessionId: string;
  siteId: string;
  cls: SessionClass;
  framework: string | null;
  score: number;
  reasons: Reason[];
}

export interface SignedTag {
  tag: string;
  /** Expiry in milliseconds since the epoch. */
  expiresAt: number;
}

export interface TagSigner {
  sign(input: TagInput, nowMs: number): Promise<SignedTag>;
  /**
   * The public keys that verify tags, as served at `/.well-known/jwks.json`. The same object
   * is returned until `useKeys` changes the keys.
   */
  jwks(): JSONWebKeySet;
  /** Switches to new keys (after a rotation): new tags are signed with `active`, and `published` are served. */
  useKeys(keys: { active: SigningKey; published: SigningKey[] }): void;
  /** Id of the key that signs new tags. */
  activeKid(): string;
}

/** Creates a signer that issues session tags (EdDSA compact JWS) with the active key. */
export function createTagSigner(options: { active: SigningKey; published: SigningKey[]; issuer: string; ttlSeconds?: number }): TagSigner {
  const ttl = options.ttlSeconds ?? TAG_TTL_SECONDS;
  if (ttl <= 0 || ttl > TAG_TTL_SECONDS) throw new Error(`Tag lifetime must be between 1 and ${TAG_TTL_SECONDS} seconds; got ${ttl}.`);
  let active = options.active;
  let jwks: JSONWebKeySet = { keys: options.published.map((key) => key.publicJwk) };

  return {
    async sign(input, nowMs) {
      const iat = Math.floor(nowMs / 1000);
      const exp = iat + ttl;
      const tag = await new SignJWT({
        v: CLAIMS_VERSION,
        cls: input.cls,
        agent_driven: isAgentDriven(input.cls),
        fw: input.framework,
        score: Math.round(input.score * 1000) / 1000,
        reasons: input.reasons,
      })
        .setProtectedHeader({ alg: 'EdDSA', kid: active.kid, typ: 'JWT' })
        .setIssuer(options.issuer)
        .setSubject(input.sessionId)
        .setAudience(input.siteId)
        .setIssuedAt(iat)
        .setExpirationTime(exp)
        .sign(active.privateKey);
      return { tag, expiresAt: exp * 1000 };
    },
    jwks: () => jwks,
    useKeys(keys) {
      active = keys.active;
      jwks = { keys: keys.published.map((key) => key.publicJwk) };
    },
    activeKid: () => active.kid,
  };
}
