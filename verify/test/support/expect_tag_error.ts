import { expect } from 'vitest';

import { TagVerificationError, type TagErrorCode } from '../../src/index';

/**
 * Awaits a verification that must fail and checks the error's class, code and status, and
 * that the message does not contain the tag. Returns the error for further checks.
 */
export async function expectTagError(
  verification: Promise<unknown>,
  code: TagErrorCode,
  tag?: string,
): Promise<TagVerificationError> {
  const error = await verification.then(
    () => undefined,
    (reason: unknown) => reason,
  );

  expect(error).toBeInstanceOf(TagVerificationError);
  const tagError = error as TagVerificationError;
  expect(tagError.code).toBe(code);
  expect(tagError.status).toBe(code === 'unavailable' ? 503 : 401);
  expect(tagError.message.length).toBeGreaterThan(20);
  if (tag !== undefined && tag.length > 0) {
    expect(tagError.message).not.toContain(tag);
    expect(tagError.message).not.toContain(tag.split('.')[1]);
  }
  return tagError;
}
