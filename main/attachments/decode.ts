/** Attachment content as upstream sends it (base64 text) -> bytes, once, at ingest. */
import { createHash } from 'node:crypto';
import type { AttachmentContent } from '../../shared/ats/applications.js';
import { sniffMediaType } from './sniff.js';

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
  let decoded = decodedContents.get(content);
  if (decoded === undefined) {
    decoded = decode(content);
    decodedContents.set(content, decoded);
  }
  return decoded;
}

/**
 * An import decodes each attachment once although two steps need its bytes (the text
 * extraction started ahead of its batch, then the store): by the parsed content object,
 * forgotten with it.
 */
const decodedContents = new WeakMap<AttachmentContent, DecodedContent>();

function decode(content: AttachmentContent): DecodedContent {
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
