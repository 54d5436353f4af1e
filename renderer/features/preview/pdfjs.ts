/**
 * pdf.js for the preview, loaded only when a PDF is first opened. Its worker is a file of
 * our own build (no CDN); fonts a PDF does not embed fall back to the system's (no
 * standardFontDataUrl or cMapUrl, so nothing is fetched for them).
 */
import { getDocument, GlobalWorkerOptions, PDFWorker, PixelsPerInch, TextLayer, Util, VerbosityLevel } from 'pdfjs-dist/build/pdf.mjs';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

export type { PDFDocumentLoadingTask, PDFDocumentProxy, PDFPageProxy, PageViewport } from 'pdfjs-dist';
export type { TextContent } from 'pdfjs-dist/types/src/display/api';

let shared: PDFWorker | null = null;

/** One pdf.js worker for every preview: starting a worker per document was most of the wait for its first page. */
function sharedWorker(): PDFWorker {
  if (shared === null || shared.destroyed) shared = new PDFWorker({ verbosity: VerbosityLevel.ERRORS });
  return shared;
}

/**
 * A document that failed, or was closed before it opened, may have left the worker busy
 * with it (a file built to make the parser spin): the next document gets a fresh one.
 */
export function resetPdfWorker(): void {
  shared?.destroy();
  shared = null;
}

/** A PDF's bytes as a document. `data` is copied: pdf.js hands its buffer to the worker, and the store keeps the file. */
export function openPdf(bytes: Uint8Array) {
  return getDocument({
    data: bytes.slice(),
    worker: sharedWorker(),
    // CVE-2024-4367 and its kind: nothing of the file is ever compiled as code.
    isEvalSupported: false,
    enableXfa: false,
    verbosity: VerbosityLevel.ERRORS,
  });
}

/** CSS pixels per PDF point at 100%. */
export const CSS_UNITS: number = PixelsPerInch.PDF_TO_CSS_UNITS;

export { TextLayer, Util };
