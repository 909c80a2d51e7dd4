import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import type { CryptoKey, JWK, JWTPayload } from 'jose';
import { CLAIMS_VERSION, TAG_TTL_SECONDS, type TagClaims } from '@telltale/shared';

export const SITE_KEY = 'pk_test_shop';
export const ISSUER = 'https://ingest.test';

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

/** Generates a real Ed25519 key pair and its public JWK in the form the ingest service serves. */
export async function createSigningKey(kid: string): Promise<SigningKey> {
  const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'EdDSA', use: 'sig' };
  return { kid, privateKey, publicJwk };
}

/** Claims of a valid human session tag issued at `nowSec`. */
export function humanClaims(nowSec: number, sessionId = 'sess_0123456789'): TagClaims {
  return {
    iss: ISSUER,
    sub: sessionId,
    aud: SITE_KEY,
    iat: nowSec,
    exp: nowSec + TAG_TTL_SECONDS,
    v: CLAIMS_VERSION,
    cls: 'human',
    agent_driven: false,
    fw: null,
    score: 0.04,
    reasons: ['pointer_dynamics_human', 'typing_rhythm_human'],
  };
}

/** Signs `claims` as a compact JWS with the key, setting `kid` (unless `kid` is null) and `alg: EdDSA`. */
export function signTag(
  key: SigningKey,
  claims: JWTPayload | TagClaims,
  header: { kid?: string | null } = {},
): Promise<string> {
  const kid = header.kid === undefined ? key.kid : header.kid;
  const protectedHeader = kid === null ? { alg: 'EdDSA' } : { alg: 'EdDSA', kid };
  return new SignJWT({ ...claims }).setProtectedHeader(protectedHeader).sign(key.privateKey);
}

/** Seconds since the epoch, as JWT claims count time. */
export function epochSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
