/**
 * Offline verification of Telltale session tags for backends.
 * The Hono middleware is exported separately, from `@telltale/verify/hono`.
 */
export { createVerifier, MAX_TAG_LENGTH } from './create_verifier';
export type { Verifier, VerifierStats } from './create_verifier';
export { verifyTag } from './verify_tag';
export type { VerifierOptions } from './verifier_options';
export { DEFAULT_CACHE_MAX_ENTRIES } from './verifier_options';
export { TagVerificationError } from './tag_verification_error';
export type { TagErrorCode } from './tag_verification_error';
export { SUPPORTED_CLAIMS_VERSIONS } from './parse_tag_claims';
export type { TagClaims } from '@telltale/shared';
