import { gunzipSync } from 'node:zlib';

import { ApiError } from './api_error';

const JSON_MEDIA_TYPES = new Set(['application/json', 'text/plain']);

/**
 * Reads a JSON request body of at most `limitBytes` (after gzip decoding) and parses it.
 * `subject` names the body in error messages, such as "Beacon".
 * `text/plain` is accepted beside `application/json` because browsers send it without a
 * CORS preflight (`navigator.sendBeacon` with a string body uses it).
 */
export async function readJsonBody(request: Request, limitBytes: number, subject = 'Body'): Promise<unknown> {
  const mediaType = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!JSON_MEDIA_TYPES.has(mediaType)) {
    throw new ApiError(
      'unsupported_media_type',
      `Content-Type must be application/json or text/plain; got ${mediaType === '' ? 'none' : `"${mediaType.slice(0, 64)}"`}.`,
    );
  }

  const encoding = (request.headers.get('content-encoding') ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity' && encoding !== 'gzip') {
    throw new ApiError('unsupported_encoding', 'Content-Encoding must be gzip or absent.');
  }

  const declaredLength = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declaredLength > limitBytes) throw tooLarge(limitBytes, subject);
  let bytes = await readAtMost(request, limitBytes, subject);

  if (encoding === 'gzip') {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: limitBytes });
    } catch (error) {
      if (error instanceof RangeError || (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(limitBytes, subject);
      throw new ApiError('invalid_request', `${subject} is not valid gzip data; send plain JSON or gzip it completely.`);
    }
  }

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ApiError('invalid_json', `${subject} is not valid UTF-8; send UTF-8 encoded JSON.`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError('invalid_json', `${subject} is not valid JSON; send one object encoded with JSON.stringify.`);
  }
}

function tooLarge(limitBytes: number, subject: string): ApiError {
  const fix = subject === 'Beacon' ? 'send fewer events per request' : 'send a smaller body';
  return new ApiError('beacon_too_large', `${subject} exceeds ${Math.round(limitBytes / 1024)} KiB; ${fix}.`);
}

/** Reads the body stream, stopping with 413 as soon as it passes the limit. */
async function readAtMost(request: Request, limitBytes: number, subject: string): Promise<Buffer> {
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;

  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limitBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limitBytes, subject);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}
