/**
 * What a file is, from its bytes only: never from the name or `type` a server chose (a
 * `.pdf` that is HTML must be previewed, and saved, as HTML). Magic numbers for binary
 * formats, the zip's central directory for Office files, and the text itself for text
 * formats (which no magic number tells apart).
 */
import { parse as parseCsv } from 'csv-parse/sync';
import type { PreviewKind } from '../../shared/api/attachments.js';

const SIGNATURES: ReadonlyArray<readonly [string, readonly number[]]> = [
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['image/gif', [0x47, 0x49, 0x46, 0x38]],
  ['application/rtf', [0x7b, 0x5c, 0x72, 0x74, 0x66]],
  ['application/x-ole-storage', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
  ['application/zip', [0x50, 0x4b, 0x03, 0x04]],
];

export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

/** How much of a text file is read to tell its kind. */
const TEXT_SAMPLE = 16 * 1024;

/** The media type from the bytes themselves. */
export function sniffMediaType(bytes: Uint8Array): string {
  for (const [type, signature] of SIGNATURES) {
    if (bytes.length >= signature.length && signature.every((byte, i) => bytes[i] === byte)) {
      if (type === 'application/zip') return zipKind(bytes);
      if (type === 'application/x-ole-storage') return 'application/msword';
      return type;
    }
  }
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'image/webp';
  const text = decodeTextSample(bytes);
  if (text === null) return 'application/octet-stream';
  const kind = textKind(text.sample, text.complete);
  return text.charset === 'utf-8' ? kind : `${kind}; charset=${text.charset}`;
}

/** What the preview does with a media type. */
export function previewKind(mediaType: string): PreviewKind {
  const type = mediaType.split(';', 1)[0]!.trim();
  switch (type) {
    case 'application/pdf':
      return 'pdf';
    case 'image/png':
    case 'image/jpeg':
    case 'image/gif':
    case 'image/webp':
      return 'image';
    case 'image/svg+xml':
      return 'svg';
    case 'text/html':
      return 'html';
    case DOCX:
      return 'docx';
    case 'text/plain':
      return 'text';
    case 'text/markdown':
      return 'markdown';
    case 'application/json':
      return 'json';
    case 'text/csv':
      return 'csv';
    case 'application/rtf':
      return 'rtf';
    default:
      return 'other';
  }
}

const BY_EXTENSION: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  html: 'text/html',
  htm: 'text/html',
  docx: DOCX,
  xlsx: XLSX,
  pptx: PPTX,
  doc: 'application/msword',
  rtf: 'application/rtf',
  txt: 'text/plain',
  md: 'text/markdown',
  markdown: 'text/markdown',
  csv: 'text/csv',
  json: 'application/json',
  zip: 'application/zip',
};

/** The type a file name claims (its extension), for the "named .pdf, is HTML" badge. */
export function mediaTypeFromName(name: string | null): string | null {
  const match = name === null ? null : /\.([A-Za-z0-9]{1,10})$/.exec(name.trim());
  return match === null ? null : (BY_EXTENSION[match[1]!.toLowerCase()] ?? null);
}

/** The usual extension of a media type, for names that have none. */
export function extensionFor(mediaType: string): string | null {
  const type = mediaType.split(';', 1)[0]!.trim();
  if (type === 'image/jpeg') return 'jpg';
  if (type === 'text/html') return 'html';
  if (type === 'text/markdown') return 'md';
  for (const [extension, candidate] of Object.entries(BY_EXTENSION)) if (candidate === type) return extension;
  return null;
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, end));
}

/**
 * Office files are zips told apart by their main part. The central directory at the end
 * lists every entry without inflating anything; a zip whose directory cannot be found
 * (truncated) is just a zip.
 */
function zipKind(bytes: Uint8Array): string {
  const names = centralDirectoryNames(bytes);
  if (names.has('word/document.xml')) return DOCX;
  if (names.has('xl/workbook.xml')) return XLSX;
  if (names.has('ppt/presentation.xml')) return PPTX;
  return 'application/zip';
}

const EOCD = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
const MAX_LISTED_ENTRIES = 10_000;

function centralDirectoryNames(bytes: Uint8Array): Set<string> {
  const names = new Set<string>();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is 22 bytes plus a comment of at most 65,535.
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let at = bytes.length - 22; at >= earliest; at--) {
    if (view.getUint32(at, true) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0) return names;
  const count = Math.min(view.getUint16(end + 10, true), MAX_LISTED_ENTRIES);
  let at = view.getUint32(end + 16, true);
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL_ENTRY) break;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength > bytes.length) break;
    names.add(decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

interface TextSample {
  sample: string;
  /** The sample is the whole file. */
  complete: boolean;
  charset: 'utf-8' | 'utf-16le' | 'utf-16be';
}

/**
 * The start of the file as text, or null when it is not text: invalid UTF-8 (or UTF-16
 * after its byte order mark), or bytes no text file holds (NUL and most C0 controls, as in
 * the WHATWG MIME sniffing standard's "binary data bytes").
 */
export function decodeTextSample(bytes: Uint8Array, limit = TEXT_SAMPLE): TextSample | null {
  const utf16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  const charset = !utf16 ? 'utf-8' : bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
  const complete = bytes.length <= limit;
  if (!utf16 && bytes.subarray(0, limit).some(isBinaryByte)) return null;
  try {
    // `stream` holds back a character cut by the sample's end instead of calling it invalid.
    const sample = new TextDecoder(charset, { fatal: true }).decode(bytes.subarray(0, limit), { stream: !complete });
    if (utf16 && /[\u0000-\u0008\u000b\u000e-\u001a\u001c-\u001f]/.test(sample)) return null;
    return { sample, complete, charset };
  } catch {
    return null;
  }
}

function isBinaryByte(byte: number): boolean {
  return byte <= 0x08 || byte === 0x0b || (byte >= 0x0e && byte <= 0x1a) || (byte >= 0x1c && byte <= 0x1f);
}

const HTML_START = /^<(!doctype\s+html|html|head|body|meta|title|p|div|table|h[1-6]|span|br|section|article|style|script)[\s>/]/i;

function textKind(sample: string, complete: boolean): string {
  const text = sample.replace(/^\uFEFF/, '');
  const start = skipPrologue(text);
  if (/^<svg[\s>]/i.test(start)) return 'image/svg+xml';
  if (HTML_START.test(start)) return 'text/html';
  if (looksLikeJson(text, complete)) return 'application/json';
  if (looksLikeCsv(text, complete)) return 'text/csv';
  if (looksLikeMarkdown(text)) return 'text/markdown';
  return 'text/plain';
}

/** Past white space, an XML declaration, a doctype other than HTML's, and comments. */
function skipPrologue(text: string): string {
  let rest = text.trimStart();
  for (;;) {
    const next = rest
      .replace(/^<\?xml[\s\S]*?\?>/i, '')
      .replace(/^<!--[\s\S]*?-->/, '')
      .replace(/^<!doctype\s+svg[\s\S]*?>/i, '')
      .trimStart();
    if (next === rest) return rest;
    rest = next;
  }
}

function looksLikeJson(text: string, complete: boolean): boolean {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return false;
  if (!complete) return /^[[{]\s*("|\[|\{|\]|\}|-?\d|true|false|null)/.test(trimmed);
  try {
    const value: unknown = JSON.parse(trimmed);
    return typeof value === 'object' && value !== null;
  } catch {
    return false;
  }
}

/** At least two lines, every one with the same number (at least two) of delimiters outside quotes. */
function looksLikeCsv(text: string, complete: boolean): boolean {
  // An incomplete sample may end inside a record: keep whole lines only.
  const body = complete ? text : text.slice(0, Math.max(0, text.lastIndexOf('\n')));
  for (const delimiter of [',', ';', '\t']) {
    if (!body.includes(delimiter)) continue;
    try {
      const rows = parseCsv(body, { delimiter, relax_column_count: false, skip_empty_lines: true, bom: true }) as string[][];
      // One delimiter a line is too common in prose ("Hi, here is my CV." / "Thanks, Ada").
      if (rows.length >= 2 && rows[0]!.length >= 3) return true;
    } catch {
      // Not this delimiter (or not CSV at all).
    }
  }
  return false;
}

function looksLikeMarkdown(text: string): boolean {
  const lines = text.split(/\r?\n/);
  let signs = 0;
  for (const line of lines) {
    if (/^#{1,6} \S/.test(line) || /^(\s*[-*+] |\s*\d+\. )\S/.test(line) || /^```/.test(line) || /^> \S/.test(line)) signs++;
    else if (/\[[^\]]+\]\([^)\s]+\)/.test(line) || /(\*\*|__)\S[^*_]*\S\1/.test(line)) signs++;
    if (signs >= 2) return lines.some((l) => /^#{1,6} \S/.test(l) || /^```/.test(l) || /\[[^\]]+\]\([^)\s]+\)/.test(l)) || signs >= 3;
  }
  return false;
}
