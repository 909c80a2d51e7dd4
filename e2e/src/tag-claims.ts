import type { TagClaims } from '@telltale/shared';

/**
 * Decodes the payload of a compact JWS session tag without verifying the signature.
 * The tests read the claims that the page received. Signature checks belong to `@telltale/verify`.
 * Throws when the tag does not have three dot-separated parts or the payload is not JSON.
 */
export function decodeTagClaims(tag: string): TagClaims {
  const parts = tag.split('.');
  if (parts.length !== 3 || parts[1] === undefined || parts[1] === '') {
    throw new Error(`Tag is not a compact JWS (expected 3 dot-separated parts, got ${parts.length}).`);
  }
  const json = Buffer.from(parts[1], 'base64url').toString('utf8');
  return JSON.parse(json) as TagClaims;
}
