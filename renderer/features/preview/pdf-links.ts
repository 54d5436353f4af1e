/**
 * Which links inside a PDF become links in the preview: web addresses only, opened in the
 * browser (the desktop shell hands a new window's http(s) URL to the OS). `javascript:`,
 * `file:`, launch actions and every other scheme are dropped; so is anything pdf.js had to
 * guess from a relative URL.
 */
import { safeExternalUrl } from '../detail/links';

/** What we read of a pdf.js annotation. */
export interface PdfAnnotation {
  subtype?: unknown;
  url?: unknown;
  rect?: unknown;
}

const WEB = /^https?:\/\//i;

/** The http(s) address of a Link annotation, or null. */
export function pdfLinkHref(annotation: PdfAnnotation): string | null {
  if (annotation.subtype !== 'Link' || typeof annotation.url !== 'string') return null;
  // safeExternalUrl would read a scheme-less string as a web address: a PDF's must say so itself.
  if (!WEB.test(annotation.url.trim())) return null;
  return safeExternalUrl(annotation.url);
}

/** The annotation's rectangle [x1, y1, x2, y2] in PDF units, when it has a usable one. */
export function pdfLinkRect(annotation: PdfAnnotation): [number, number, number, number] | null {
  const rect = annotation.rect;
  if (!Array.isArray(rect) || rect.length !== 4 || !rect.every((v) => typeof v === 'number' && Number.isFinite(v))) return null;
  return rect as [number, number, number, number];
}
