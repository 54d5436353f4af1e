/** Text inside attachments, extracted in worker threads; and DOCX as HTML for the preview. */
import { ExtractorPool, type PoolOptions } from './pool.js';
import { isExtractable } from './media.js';

export { EXTRACTOR_VERSION, MAX_TEXT_CHARS } from './limits.js';
export { checkDocxZip, UnsafeZipError } from './zip-guard.js';
export { isExtractable } from './media.js';
export { ExtractorPool, type PoolOptions } from './pool.js';

export type Extracted = { text: string; truncated: boolean } | { error: string };

/** What the import's prefetch and the background indexer call to read a blob (tests pass their own). */
export type Extract = (bytes: Uint8Array, mediaType: string) => Promise<Extracted>;

let shared: ExtractorPool | null = null;

function pool(): ExtractorPool {
  shared ??= new ExtractorPool();
  return shared;
}

/** The text of an attachment, or why there is none. Never rejects. */
export async function extractText(bytes: Uint8Array, mediaType: string, using: ExtractorPool = pool()): Promise<Extracted> {
  if (!isExtractable(mediaType)) return { error: `no text is read from ${mediaType || 'files of unknown type'}` };
  const result = await using.run({ kind: 'text', bytes, mediaType });
  if (!result.ok) return { error: result.error };
  if (!('text' in result)) return { error: 'extraction gave no text' };
  return { text: result.text, truncated: result.truncated };
}

/** A Word document as HTML (mammoth), for the preview; rejects with an Error saying why. */
export async function docxToHtml(bytes: Uint8Array): Promise<{ html: string; warnings: string[] }> {
  const result = await pool().run({ kind: 'docx-html', bytes, mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
  if (!result.ok) throw new Error(result.error);
  if (!('html' in result)) throw new Error('the conversion gave no HTML');
  return { html: result.html, warnings: result.warnings };
}

/** Stops the shared workers, so a CLI or test process can exit. */
export async function closeExtractors(): Promise<void> {
  const closing = shared;
  shared = null;
  await closing?.close();
}

export function createExtractorPool(options: PoolOptions): ExtractorPool {
  return new ExtractorPool(options);
}
