import type { Page } from '@playwright/test';

import { bufferToText } from './buffer-to-text';

/** A request the page sent, with its body decoded to text (gzip bodies are unpacked). */
export interface CapturedRequest {
  method: string;
  url: string;
  /** Path of the URL, without the query string. */
  path: string;
  body: string;
}

/** Path of the beacon endpoint of the ingest service. */
export const COLLECT_PATH = '/v1/collect';

/**
 * Records every request the page sends from now on, including navigations and beacons.
 * The returned array fills up as requests are sent.
 */
export function captureRequests(page: Page): CapturedRequest[] {
  const requests: CapturedRequest[] = [];
  page.on('request', (request) => {
    const buffer = request.postDataBuffer();
    requests.push({
      method: request.method(),
      url: request.url(),
      path: new URL(request.url()).pathname,
      body: buffer === null ? '' : bufferToText(buffer),
    });
  });
  return requests;
}

/** Returns the captured requests that carried a beacon to the ingest service. */
export function beaconsOf(requests: readonly CapturedRequest[]): CapturedRequest[] {
  return requests.filter((request) => request.method === 'POST' && request.path === COLLECT_PATH);
}
