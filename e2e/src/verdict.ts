import type { Page } from '@playwright/test';
import type { TagClaims } from '@telltale/shared';

import { decodeTagClaims } from './tag-claims';

/** Body of `GET /demo/api/whoami`: how the demo backend's middleware classified a request. */
export interface WhoamiBody {
  class: string;
  agentDriven: boolean;
  framework: string | null;
  reasons: string[];
}

/** What a page's session was classified as, seen from the tag and from the demo backend. */
export interface Verdict {
  sessionId: string;
  tag: string;
  claims: TagClaims;
  whoamiStatus: number;
  whoami: WhoamiBody;
}

const SDK_READY_TIMEOUT_MS = 10_000;

/**
 * Flushes the SDK's pending events, reads the updated tag and calls `/demo/api/whoami` from
 * the page with `telltale.headers()`, as the app's own code would.
 * Throws when the SDK does not load within 10 s or when no tag is issued.
 */
export async function flushAndReadVerdict(page: Page): Promise<Verdict> {
  await page.waitForFunction(() => window.telltale !== undefined, undefined, { timeout: SDK_READY_TIMEOUT_MS });

  const result = await page.evaluate(async () => {
    const telltale = window.telltale!;
    await telltale.flush();
    const tag = await telltale.getTag();
    const response = await fetch('/demo/api/whoami', { headers: telltale.headers() });
    return {
      sessionId: telltale.sessionId,
      tag,
      whoamiStatus: response.status,
      whoami: (await response.json()) as WhoamiBody,
    };
  });

  if (result.tag === null) throw new Error(`The SDK returned no tag for session ${result.sessionId} after flush().`);
  return { ...result, tag: result.tag, claims: decodeTagClaims(result.tag) };
}
