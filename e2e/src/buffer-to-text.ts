import { gunzipSync } from 'node:zlib';

/** Decodes bytes as UTF-8, unpacking them first when they start with the gzip magic bytes. */
export function bufferToText(buffer: Buffer): string {
  const isGzip = buffer.length >= 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  return (isGzip ? gunzipSync(buffer) : buffer).toString('utf8');
}
