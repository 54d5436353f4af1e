/**
 * Which media types have text to extract: apart from the extractors themselves, so the
 * thread that owns the pool can ask without loading pdf.js and mammoth.
 */
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const PLAIN = new Set(['text/plain', 'text/markdown', 'text/csv', 'application/json', 'text/tab-separated-values']);

/** The media type without parameters, lower-cased. */
export function essence(mediaType: string): string {
  return mediaType.split(';')[0]!.trim().toLowerCase();
}

export function isExtractable(mediaType: string): boolean {
  const type = essence(mediaType);
  return type === 'application/pdf' || type === DOCX || type === 'text/html' || PLAIN.has(type);
}
