/**
 * A name a candidate's file can be saved under on any OS. The name comes from the server,
 * so it may try to climb folders (`../`), hide its real extension (U+202E turns
 * `cv‮fdp.exe` into "cvexe.pdf" on screen), or be a device on Windows (`CON`).
 */
import { extensionFor, mediaTypeFromName } from './sniff.js';

export const MAX_FILE_NAME_BYTES = 200;

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
/** Bidirectional overrides, embeddings, isolates and marks. */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** What Windows refuses in a name; path separators of every OS among them. */
const FORBIDDEN = /[<>:"/\\|?*]/g;
/** Windows takes these for devices even with an extension, or spaces before it (`con .txt`). */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]) *(\.|$)/i;

export interface FileNameFallback {
  /** e.g. the candidate's name, or `application-<id>` */
  stem: string;
  /** Sniffed from the bytes: gives the extension when the name has none. */
  mediaType: string | null;
}

/** A safe file name for `name`, or one made from `fallback` when nothing is left of it. */
export function safeFileName(name: string | null, fallback: FileNameFallback): string {
  let clean = cleanText(name ?? '');
  const wanted = fallback.mediaType === null ? null : extensionFor(fallback.mediaType);
  if (clean === '') clean = cleanText(fallback.stem) || 'attachment';
  // Only a known extension counts: `Résumé v2.0` or `Ada.Lovelace` still gets `.pdf`.
  if (wanted !== null && mediaTypeFromName(clean) === null) clean = `${clean}.${wanted}`;
  if (RESERVED.test(clean)) clean = `_${clean}`;
  return truncate(clean, MAX_FILE_NAME_BYTES);
}

function cleanText(text: string): string {
  return text
    .normalize('NFC')
    .replace(BIDI, '')
    .replace(/[\t\n\v\f\r\u0085\u2028\u2029]+/g, ' ')
    .replace(CONTROL, '')
    .replace(FORBIDDEN, '_')
    // No `..` anywhere, even between separators made harmless: nothing that reads as climbing.
    .replace(/\.{2,}/g, '.')
    .replace(/\s+/g, ' ')
    // Leading dots hide a file or climb (`..`); Windows drops trailing dots and spaces.
    .replace(/^[.\s]+|[.\s]+$/g, '');
}

/** At most `maxBytes` of UTF-8, the extension kept whole, never cutting a character in two. */
function truncate(name: string, maxBytes: number): string {
  const encoder = new TextEncoder();
  if (encoder.encode(name).length <= maxBytes) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && name.length - dot <= 11 ? name.slice(dot) : '';
  const stem = extension === '' ? name : name.slice(0, dot);
  const budget = maxBytes - encoder.encode(extension).length;
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  let kept = '';
  let used = 0;
  for (const { segment } of segmenter.segment(stem)) {
    const size = encoder.encode(segment).length;
    if (used + size > budget) break;
    kept += segment;
    used += size;
  }
  // Windows drops trailing dots and spaces, which would leave `name..pdf` or `name .pdf`.
  const stemKept = kept.replace(/[.\s]+$/, '');
  return `${stemKept === '' ? 'attachment' : stemKept}${extension}`;
}

const TYPE_WORDS: Readonly<Record<string, string>> = { RESUME: 'Résumé', COVER_LETTER: 'Cover letter', OFFER_LETTER: 'Offer letter' };

/** An attachment's save name: its own name made safe, else the candidate's name and what the file is. */
export function attachmentFileName(attachment: {
  name: string | null;
  type: string | null;
  candidateName: string | null;
  applicationId: string;
  n: number;
  mediaType: string | null;
}): string {
  const what = (attachment.type !== null && TYPE_WORDS[attachment.type]) || `attachment ${attachment.n}`;
  const stem = attachment.candidateName === null ? `application-${attachment.applicationId}-${what}` : `${attachment.candidateName} - ${what}`;
  return safeFileName(attachment.name, { stem, mediaType: attachment.mediaType });
}
