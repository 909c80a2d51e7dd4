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
export { createRequestClassifier, isPathInScopes, REQUEST_AUTOMATION_LOG_ODDS } from './classify_request';
export type { AgentRegistration, FindAgent, RequestClassification, RequestClassifier, RequestClassifierOptions } from './classify_request';
export { analyseRequestHeaders } from './analyse_request_headers';
export type { HeaderAnalysis } from './analyse_request_headers';
export { createWebBotAuthVerifier } from './web_bot_auth/verify_web_bot_auth';
export type { ProvenIdentity, SignatureFailure, WebBotAuthOptions, WebBotAuthResult, WebBotAuthVerifier } from './web_bot_auth/verify_web_bot_auth';
export { KEY_DIRECTORY_PATH, KeyDirectory, cacheLifetime } from './web_bot_auth/key_directory';
export type { HttpKeyDirectories, KeyDirectoryOptions } from './web_bot_auth/key_directory';
export type { SignedRequest } from './web_bot_auth/build_signature_base';
