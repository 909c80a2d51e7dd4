/**
 * Builds the rate-limit response headers of draft-ietf-httpapi-ratelimit-headers (draft 9):
 * `RateLimit-Policy: "<name>";q=<quota>;w=<window seconds>` and
 * `RateLimit: "<name>";r=<remaining>;t=<seconds until reset>`, plus `Retry-After`
 * (seconds) when the request was refused.
 */
export function rateLimitHeaders(options: { policyName: string; quota: number; windowSec: number; remaining: number; resetMs: number; limited: boolean }): Record<string, string> {
  const resetSec = Math.max(0, Math.ceil(options.resetMs / 1000));
  const item = `"${options.policyName}"`;
  const headers: Record<string, string> = {
    'RateLimit-Policy': `${item};q=${options.quota};w=${options.windowSec}`,
    RateLimit: `${item};r=${Math.max(0, options.remaining)};t=${resetSec}`,
  };
  if (options.limited) headers['Retry-After'] = String(Math.max(1, resetSec));
  return headers;
}
