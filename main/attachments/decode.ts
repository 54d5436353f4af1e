/** Attachment content as upstream sends it (base64 text) -> bytes, once, at ingest. */
import { createHash } from 'node:crypto';
import type { AttachmentContent } from '../../shared/ats/applications.js';

export type DecodedContent =
  | { ok: true; bytes: Buffer; sha256: string; mediaType: string; /** re-encoding gives back the exact text received */ canonical: boolean }
  | { ok: false; error: string };

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const BASE64URL = /^[A-Za-z0-9_-]*={0,2}$/;

/**
 * Decodes base64 (standard or URL-safe, line breaks allowed). Node's decoder silently
 * skips bad characters, so the text is checked first: a corrupt resume must be flagged,
 * never stored as garbage.
 */
export function decodeContent(content: AttachmentContent): DecodedContent {
  if (content.encoding !== null && content.encoding !== 'BASE64' && content.encoding !== 'NOT_SPECIFIED') {
    return { ok: false, error: `unsupported encoding ${JSON.stringify(content.encoding)} (expected BASE64)` };
  }
  const compact = content.content.replace(/[\r\n\t ]+/g, '');
  const urlSafe = !BASE64.test(compact);
  if (urlSafe && !BASE64URL.test(compact)) {
    const bad = /[^A-Za-z0-9+/=_-]/.exec(compact) ?? /=[^=]/.exec(compact);
    const where = bad === null ? '' : ` (${JSON.stringify(bad[0][0])} at character ${bad.index + 1})`;
    return { ok: false, error: `attachment content is not valid base64${where}` };
  }
  const unpadded = compact.replace(/=+$/, '');
  if (unpadded.length % 4 === 1 || (compact.includes('=') && compact.length % 4 !== 0)) {
    return { ok: false, error: `attachment content is not valid base64 (truncated: ${compact.length} characters)` };
  }
  const bytes = Buffer.from(compact, urlSafe ? 'base64url' : 'base64');
  return {
    ok: true,
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    mediaType: sniffMediaType(bytes),
    canonical: !urlSafe && bytes.toString('base64') === content.content,
  };
}

const SIGNATURES: ReadonlyArray<readonly [string, number[]]> = [
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['image/gif', [0x47, 0x49, 0x46, 0x38]],
  ['application/rtf', [0x7b, 0x5c, 0x72, 0x74, 0x66]],
  ['application/x-ole-storage', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
  ['application/zip', [0x50, 0x4b, 0x03, 0x04]],
];

/** The media type from the bytes themselves (never from the name a server chose). */
export function sniffMediaType(bytes: Uint8Array): string {
  for (const [type, signature] of SIGNATURES) {
    if (bytes.length >= signature.length && signature.every((byte, i) => bytes[i] === byte)) {
      if (type === 'application/zip') return zipKind(bytes);
      if (type === 'application/x-ole-storage') return 'application/msword';
      return type;
    }
  }
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'image/webp';
  return looksLikeText(bytes) ? textKind(bytes) : 'application/octet-stream';
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, end));
}

function zipKind(bytes: Uint8Array): string {
  // OOXML documents name their main part in the first entries of the archive.
  const head = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 4096))).toString('latin1');
  if (head.includes('word/')) return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  return 'application/zip';
}

function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4096);
  for (const byte of sample) if (byte === 0) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.length < bytes.length ? trimPartial(sample) : sample);
    return true;
  } catch {
    return false;
  }
}

/** Drops a UTF-8 sequence cut by the sample's end. */
function trimPartial(sample: Uint8Array): Uint8Array {
  const end = sample.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const byte = sample[end - back]!;
    if ((byte & 0xc0) === 0xc0) return sample.subarray(0, end - back);
    if ((byte & 0x80) === 0) break;
  }
  return sample;
}

function textKind(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.subarray(0, 512)).toString('utf8').trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'text/html';
  return 'text/plain';
}
