/** The headers a candidate's file is served with by the web face (DESIGN §6). */
import { ATTACHMENT_META_HEADER, type AttachmentFile } from '../../shared/api/attachments.js';

export { ATTACHMENT_META_HEADER };

export function attachmentHeaders(file: Omit<AttachmentFile, 'bytes'>): Record<string, string> {
  const asciiName = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return {
    'Content-Type': /^(text\/|image\/svg\+xml)/.test(file.mediaType) && !file.mediaType.includes('charset') ? `${file.mediaType}; charset=utf-8` : file.mediaType,
    'Content-Length': String(file.size),
    'X-Content-Type-Options': 'nosniff',
    'Content-Disposition': `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeRfc5987(file.fileName)}`,
    // Opened directly (a bookmarked request, a devtools click), candidate HTML is an opaque
    // origin with no script, never a page of the app.
    'Content-Security-Policy': 'sandbox',
    'Cache-Control': 'no-store',
  };
}

function encodeRfc5987(text: string): string {
  return encodeURIComponent(text).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
