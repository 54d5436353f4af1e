/**
 * Attachments on demand (DESIGN §4 `attachment`, §6): bytes are decoded once at ingest and
 * served one file at a time, never in the list, never as base64 across the boundary.
 */

/** One attachment: its application and its position as `show` lists them (from 1). */
export interface AttachmentRef {
  id: string;
  n: number;
}

/**
 * What a preview knows how to show, from the bytes (never the name or `type` field).
 * `other` is anything else: shown as facts with Save.
 */
export type PreviewKind = 'pdf' | 'image' | 'svg' | 'html' | 'docx' | 'text' | 'markdown' | 'json' | 'csv' | 'rtf' | 'other';

/** One attachment's bytes, exactly as decoded at ingest. */
export interface AttachmentFile {
  /** Sanitised for saving on any OS (no separators, `..`, control or bidi characters, reserved names). */
  fileName: string;
  /** Sniffed from the bytes. */
  mediaType: string;
  kind: PreviewKind;
  size: number;
  sha256: string;
  bytes: Uint8Array;
}

/** A DOCX converted to HTML in main (the zip checked before anything is inflated); sanitised again by the page. */
export interface AttachmentHtml {
  html: string;
  /** What the converter could not carry over, in words. */
  warnings: string[];
}

/** Where a native save dialog wrote a file; null path when the user cancelled. */
export interface SavedFile {
  path: string | null;
  size: number;
}

/** The web face sends an AttachmentFile's bytes as the body and the rest as percent-encoded JSON in this header. */
export const ATTACHMENT_META_HEADER = 'X-Attachment-Meta';
