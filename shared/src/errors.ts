/**
 * Error codes returned by the ingest service as `{ "error": { "code", "message", "requestId" } }`.
 * Each code keeps one meaning and one HTTP status; never reuse a code for something else.
 */
export const ErrorCode = {
  InvalidJson: 'invalid_json',
  InvalidPayload: 'invalid_payload',
  InvalidRequest: 'invalid_request',
  UnknownSiteKey: 'unknown_site_key',
  OriginNotAllowed: 'origin_not_allowed',
  Unauthorized: 'unauthorized',
  Forbidden: 'forbidden',
  NotFound: 'not_found',
  SequenceReplayed: 'sequence_replayed',
  BeaconTooLarge: 'beacon_too_large',
  UnsupportedMediaType: 'unsupported_media_type',
  UnsupportedEncoding: 'unsupported_encoding',
  RateLimited: 'rate_limited',
  TagMalformed: 'tag_malformed',
  TagExpired: 'tag_expired',
  TagBadSignature: 'tag_bad_signature',
  TagWrongAudience: 'tag_wrong_audience',
  TagUnknownKey: 'tag_unknown_key',
  TagMissing: 'tag_missing',
  Unavailable: 'unavailable',
  InternalError: 'internal_error',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** HTTP status that goes with each error code. */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  invalid_json: 400,
  invalid_payload: 400,
  invalid_request: 400,
  unknown_site_key: 401,
  origin_not_allowed: 403,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  sequence_replayed: 409,
  beacon_too_large: 413,
  unsupported_media_type: 415,
  unsupported_encoding: 415,
  rate_limited: 429,
  tag_malformed: 401,
  tag_expired: 401,
  tag_bad_signature: 401,
  tag_wrong_audience: 401,
  tag_unknown_key: 401,
  tag_missing: 401,
  unavailable: 503,
  internal_error: 500,
};

/** Body of every non-2xx response from the ingest service. */
export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    requestId?: string;
  };
}
