const CONTEXT_CHARS = 60;

/**
 * Returns one entry per occurrence of any needle in `text`, with up to 60 characters on each
 * side (line breaks written as `\n`), so that a failed assertion shows where a secret turned up.
 * Empty when none occurs.
 */
export function findLeaks(text: string, needles: readonly string[]): string[] {
  const leaks: string[] = [];
  for (const needle of needles) {
    let index = text.indexOf(needle);
    while (index !== -1) {
      const start = Math.max(0, index - CONTEXT_CHARS);
      const end = Math.min(text.length, index + needle.length + CONTEXT_CHARS);
      const context = text.slice(start, end).replaceAll('\n', '\\n');
      leaks.push(`${needle} in …${context}…`);
      index = text.indexOf(needle, index + needle.length);
    }
  }
  return leaks;
}
