/** What one extraction may cost: the pool enforces time and memory, `capText` the output. */
export const TASK_TIMEOUT_MS = 5_000;
export const TASK_HEAP_MB = 256;
export const MAX_TEXT_CHARS = 200 * 1024;

/** Bumped when extraction changes enough that stored text should be extracted again. */
export const EXTRACTOR_VERSION = 1;

/** Text cut to the limit at a word boundary. */
export function capText(text: string, limit = MAX_TEXT_CHARS): { text: string; truncated: boolean } {
  if (text.length <= limit) return { text, truncated: false };
  const cut = text.slice(0, limit + 1);
  const space = cut.search(/\s\S*$/);
  return { text: (space > limit / 2 ? cut.slice(0, space) : cut.slice(0, limit)).trimEnd(), truncated: true };
}
