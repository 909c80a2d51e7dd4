import { gunzipSync } from 'node:zlib';

import { ApiError } from './api_error';

const JSON_MEDIA_TYPES = new Set(['application/json', 'text/plain']);

/**
 * Reads a JSON request body of at most `limitBytes` (after gzip decoding) and parses it.
 * `text/plain` is accepted beside `application/json` because browsers send it without a
 * CORS preflight (`navigator.sendBeacon` with a string body uses it).
 */
export async function readJsonBody(request: Request, limitBytes: number): Promise<unknown> {
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
  if (declaredLength > limitBytes) throw tooLarge(limitBytes);
  let bytes = await readAtMost(request, limitBytes);

  if (encoding === 'gzip') {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: limitBytes });
    } catch (error) {
      if (error instanceof RangeError || (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(limitBytes);
      throw new ApiError('invalid_request', 'Body is not valid gzip data; send plain JSON or gzip it completely.');
    }
  }

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ApiError('invalid_json', 'Body is not valid UTF-8; send the beacon as UTF-8 encoded JSON.');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError('invalid_json', 'Body is not valid JSON; send one beacon object encoded with JSON.stringify.');
  }
}

function tooLarge(limitBytes: number): ApiError {
  return new ApiError('beacon_too_large', `Beacon exceeds ${Math.round(limitBytes / 1024)} KiB; send fewer events per request.`);
}

/** Reads the body stream, stopping with 413 as soon as it passes the limit. */
async function readAtMost(request: Request, limitBytes: number): Promise<Buffer> {
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
      throw tooLarge(limitBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}
