/**
 * A text attachment's bytes as text to show: the charset main sniffed (UTF-8, or UTF-16 with
 * its BOM), at most MAX_TEXT_BYTES of it (the rest is noted, and Save has the whole file).
 */

/** How much of a text file the preview shows: more would make the page slow to lay out and search. */
export const MAX_TEXT_BYTES = 2 * 1024 * 1024;

export interface ShownText {
  text: string;
  /** Bytes of the file shown; less than its size when it was cut. */
  shownBytes: number;
  truncated: boolean;
}

/** `text/plain; charset=utf-16le` -> `utf-16le`; UTF-8 when none is named. */
export function charsetOf(mediaType: string): 'utf-8' | 'utf-16le' | 'utf-16be' {
  const charset = /;\s*charset=([^;\s]+)/i.exec(mediaType)?.[1]?.toLowerCase();
  return charset === 'utf-16le' || charset === 'utf-16be' ? charset : 'utf-8';
}

export function decodeText(bytes: Uint8Array, mediaType: string, maxBytes = MAX_TEXT_BYTES): ShownText {
  const charset = charsetOf(mediaType);
  let end = Math.min(bytes.length, maxBytes);
  // UTF-16 comes in pairs of bytes: never cut one in half.
  if (charset !== 'utf-8' && end < bytes.length) end -= end % 2;
  const truncated = end < bytes.length;
  // `stream` keeps a character cut by the end out, instead of a replacement mark; the BOM is dropped.
  const text = new TextDecoder(charset).decode(bytes.subarray(0, end), { stream: truncated });
  return { text, shownBytes: end, truncated };
}
