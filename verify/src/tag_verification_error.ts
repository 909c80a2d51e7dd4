import { ERROR_STATUS, type ErrorCode } from '@telltale/shared';

/**
 * Codes a failed verification carries: the `tag_*` codes for a tag that is missing or not
 * acceptable, and `unavailable` when the signing keys cannot be loaded (the tag itself may be fine).
 */
export type TagErrorCode = Extract<
  ErrorCode,
  | 'tag_malformed'
  | 'tag_expired'
  | 'tag_bad_signature'
  | 'tag_wrong_audience'
  | 'tag_unknown_key'
  | 'tag_missing'
  | 'unavailable'
>;

/**
 * Error thrown when a session tag is missing or fails verification.
 *
 * `code` is one of the shared error codes and `status` the HTTP status that goes with it
 * (401 for the `tag_*` codes, 503 for `unavailable`). The message names what failed and the
 * next step, and never contains the tag. `cause` contains the underlying jose or fetch error,
 * for server logs.
 */
export class TagVerificationError extends Error {
  override readonly name = 'TagVerificationError';
  readonly code: TagErrorCode;
  readonly status: number;

  constructor(code: TagErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.status = ERROR_STATUS[code];
  }
}
