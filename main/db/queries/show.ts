/** One application exactly as last received, model by model (DESIGN §4 `show`). */
import type { Db } from '../open.js';

export interface AttachmentFile {
  pos: number;
  name: string | null;
  type: string | null;
  mediaType: string | null;
  size: number | null;
  bytes: Buffer | null;
  error: string | null;
}

interface RawRow {
  pk: number;
  deleted_at: string | null;
  info: string | null;
  current_stage: string | null;
  interviews: string | null;
  rejection: string | null;
  offers: string | null;
  attachments: string | null;
}

interface AttachmentRow {
  pos: number;
  name: string | null;
  type: string | null;
  size: number | null;
  media_type: string | null;
  error: string | null;
  content_raw: string | null;
  bytes: Buffer | null;
}

export type ShownApplication = Record<string, unknown>;

export class ShowQueries {
  private readonly raw;
  private readonly attachmentRows;
  constructor(db: Db) {
    this.raw = db.prepare<[string], RawRow>(
      `SELECT a.pk, a.deleted_at, r.info, r.current_stage, r.interviews, r.rejection, r.offers, r.attachments
       FROM applications a JOIN application_raw r ON r.app_pk = a.pk WHERE a.id = ?`,
    );
    this.attachmentRows = db.prepare<[number], AttachmentRow>(
      `SELECT t.pos, t.name, t.type, t.size, t.media_type, t.error, t.content_raw, b.bytes
       FROM attachments t LEFT JOIN blobs b ON b.sha256 = t.sha256 WHERE t.app_pk = ? ORDER BY t.pos`,
    );
  }

  /** Undefined when no application has this id. */
  show(id: string, options: { withContent?: boolean } = {}): ShownApplication | undefined {
    const row = this.raw.get(id);
    if (row === undefined) return undefined;
    const shown: ShownApplication = {};
    const put = (key: string, json: string | null) => {
      if (json !== null) shown[key] = JSON.parse(json) as unknown;
    };
    put('info', row.info);
    put('currentStage', row.current_stage);
    put('interviews', row.interviews);
    put('rejection', row.rejection);
    put('offers', row.offers);
    if (row.attachments !== null) {
      shown.attachments = this.withFiles(JSON.parse(row.attachments) as unknown, row.pk, options.withContent ?? false);
    }
    if (row.deleted_at !== null) shown.deletedAt = row.deleted_at;
    return shown;
  }

  /** Adds `size` and `mediaType` to each attachment, and its content when asked. */
  private withFiles(raw: unknown, pk: number, withContent: boolean): unknown {
    const files = new Map(this.attachmentRows.all(pk).map((file) => [file.pos, file]));
    const augment = (item: unknown, pos: number): unknown => {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) return item;
      const file = files.get(pos);
      const { attachmentContent, ...rest } = item as Record<string, unknown>;
      const out: Record<string, unknown> = { ...rest, size: file?.size ?? null, mediaType: file?.media_type ?? null };
      if (file?.error) out.contentError = file.error;
      if (withContent && typeof attachmentContent === 'object' && attachmentContent !== null) {
        const content = file?.content_raw ?? file?.bytes?.toString('base64') ?? null;
        out.attachmentContent = { ...(attachmentContent as Record<string, unknown>), content };
      } else if (withContent && attachmentContent !== undefined) {
        out.attachmentContent = attachmentContent;
      }
      return out;
    };
    return Array.isArray(raw) ? raw.map(augment) : augment(raw, 0);
  }

  /** The stored file of attachment `n` (from 1, as `show` lists them). */
  attachment(id: string, n: number): AttachmentFile | undefined {
    const row = this.raw.get(id);
    if (row === undefined) return undefined;
    const file = this.attachmentRows.all(row.pk).find((f) => f.pos === n - 1);
    if (file === undefined) return undefined;
    return { pos: file.pos, name: file.name, type: file.type, mediaType: file.media_type, size: file.size, bytes: file.bytes, error: file.error };
  }
}
