/**
 * What an attachment is, in words, and whether its name tells the truth about it. The type
 * that counts is the one sniffed from the bytes in main; the name only explains a badge.
 */
import type { PreviewKind } from '../../../shared/api/attachments';
import type { DetailAttachment } from '../../../shared/api/detail';

/** The same cap main enforces: larger files are saved, not previewed (the window would hold them whole). */
export const MAX_PREVIEW_BYTES = 50 * 1024 * 1024;

/** `text/plain; charset=utf-16le` -> `text/plain`. */
export function baseMediaType(mediaType: string | null | undefined): string | null {
  if (mediaType === null || mediaType === undefined) return null;
  const base = mediaType.split(';', 1)[0]!.trim().toLowerCase();
  return base === '' ? null : base;
}

const LABELS: Readonly<Record<string, string>> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG image',
  'image/jpeg': 'JPEG image',
  'image/gif': 'GIF image',
  'image/webp': 'WebP image',
  'image/svg+xml': 'SVG image',
  'text/html': 'HTML',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel workbook',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint deck',
  'application/msword': 'Word 97–2003 document',
  'application/rtf': 'RTF document',
  'text/plain': 'plain text',
  'text/markdown': 'Markdown',
  'text/csv': 'CSV',
  'application/json': 'JSON',
  'application/zip': 'ZIP archive',
  'application/octet-stream': 'unknown binary data',
};

/** "PDF", "PNG image", "plain text"...; the media type itself when we have no word for it. */
export function mediaTypeLabel(mediaType: string | null | undefined): string {
  const base = baseMediaType(mediaType);
  if (base === null) return 'unknown type';
  return LABELS[base] ?? base;
}

/** Formats that are all text and that sniffing tells apart only by their content: a `.md` without headings is still fine as text. */
const TEXT_FAMILY = new Set(['text/plain', 'text/markdown', 'text/csv', 'application/json']);

/** The extension of a name as written (".PDF" stays as the candidate typed it), or null. */
export function extensionOf(name: string | null): string | null {
  const match = name === null ? null : /\.([A-Za-z0-9]{1,10})\s*$/.exec(name);
  return match === null ? null : `.${match[1]}`;
}

/**
 * "named .pdf, is HTML" when the name claims one type and the bytes are another; null
 * when they agree, when the name claims nothing we know, or when there are no bytes.
 */
export function typeMismatch(attachment: Pick<DetailAttachment, 'name' | 'declaredMediaType' | 'mediaType'>): string | null {
  const declared = baseMediaType(attachment.declaredMediaType);
  const actual = baseMediaType(attachment.mediaType);
  if (declared === null || actual === null || declared === actual) return null;
  if (TEXT_FAMILY.has(declared) && TEXT_FAMILY.has(actual)) return null;
  const extension = extensionOf(attachment.name) ?? 'as another type';
  return `named ${extension}, is ${mediaTypeLabel(actual)}`;
}

/** A link to the ATS and no content of its own. */
export function isLinkOnly(attachment: Pick<DetailAttachment, 'link' | 'size' | 'error'>): boolean {
  return attachment.link !== null && attachment.size === null && attachment.error === null;
}

/** Bytes we can ask main for (to preview or save). */
export function hasContent(attachment: Pick<DetailAttachment, 'size' | 'error'>): boolean {
  return attachment.size !== null && attachment.error === null;
}

/** Controls and bidi overrides that could disguise a name ("cv\u202Efdp.exe"), shown as a visible mark instead. */
const DISGUISING = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The attachment's name as it may appear on screen. */
export function attachmentDisplayName(attachment: Pick<DetailAttachment, 'name' | 'n'>): string {
  const name = attachment.name?.replace(DISGUISING, '\uFFFD').trim() ?? '';
  return name === '' ? `Attachment ${attachment.n}` : name;
}

/** Kinds whose text "Find in document" searches. */
export function isFindable(kind: PreviewKind): boolean {
  return kind === 'pdf' || kind === 'text' || kind === 'markdown' || kind === 'json' || kind === 'csv';
}

/** Kinds that zoom with + and -. */
export function isZoomable(kind: PreviewKind): boolean {
  return kind === 'pdf' || kind === 'image' || kind === 'svg' || kind === 'text' || kind === 'markdown' || kind === 'json' || kind === 'csv';
}
