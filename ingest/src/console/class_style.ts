import type { SessionClass } from '@telltale/shared';

/** Fill colour of each class in charts and badges. */
export const CLASS_COLOURS: Record<SessionClass, string> = {
  human: '#1b7837',
  authorized_agent: '#2166ac',
  unverified_agent: '#b35806',
  rogue_bot: '#b2182b',
  unknown: '#707070',
};

/** Readable label of each class. */
export const CLASS_LABELS: Record<SessionClass, string> = {
  human: 'Human',
  authorized_agent: 'Authorized agent',
  unverified_agent: 'Unverified agent',
  rogue_bot: 'Rogue bot',
  unknown: 'Unknown',
};

/** Returns the colour of a stored class string, grey for a value that is not a known class. */
export function classColour(cls: string): string {
  return (CLASS_COLOURS as Record<string, string>)[cls] ?? CLASS_COLOURS.unknown;
}

/** Returns the label of a stored class string, or the string itself when it is not a known class. */
export function classLabel(cls: string): string {
  return (CLASS_LABELS as Record<string, string>)[cls] ?? cls;
}

/** Formats ms since the epoch as an ISO 8601 time in UTC without milliseconds. */
export function formatTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Returns the class as a CSS class suffix, `unknown` for a value that is not a known class. */
export function classKey(cls: string): SessionClass {
  return cls in CLASS_COLOURS ? (cls as SessionClass) : 'unknown';
}
