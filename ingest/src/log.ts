import pino, { type Logger } from 'pino';

export type Log = Logger;

/**
 * Creates the service logger: one JSON object per line with `ts`, `level` (as a word)
 * and `event`. Authorization headers, cookies and tags are redacted should they ever be
 * passed in a log object.
 */
export function createLog(options: { level?: string; destination?: pino.DestinationStream } = {}): Log {
  return pino(
    {
      level: options.level ?? 'info',
      base: undefined,
      messageKey: 'message',
      timestamp: () => `,"ts":"${new Date().toISOString()}"`,
      formatters: { level: (label) => ({ level: label }) },
      redact: {
        paths: ['authorization', 'cookie', 'tag', 'token', '*.authorization', '*.cookie', '*.tag', '*.token', 'headers'],
        censor: '[redacted]',
      },
    },
    options.destination,
  );
}
