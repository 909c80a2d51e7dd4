import { ERROR_STATUS, type ErrorCode } from '@telltale/shared';

/**
 * An error with a stable code that the app turns into `{ "error": { code, message, requestId } }`
 * with the status that belongs to the code. The message states what to change and never
 * echoes payload values.
 */
export class ApiError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = ERROR_STATUS[code];
  }
}
