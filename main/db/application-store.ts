/**
 * Writes of applications and jobs: the normalised rows, the raw models as received,
 * attachment bytes and the full-text index. Semantics (dedupe, staleness, tombstones)
 * are decided by the sync pipeline; this module only stores what it is told.
 */
import {
  candidateName,
  type ApplicationInfo,
  type ApplicationModelKey,
  type ApplicationModels,
  type Attachment,
  type Interview,
  type Offer,
  type Rejection,
  type Stage,
  type User,
} from '../../shared/ats/applications.js';
import type { JobModels } from '../../shared/ats/jobs.js';
import { sortKey } from '../../shared/text.js';
import { decodeContent } from '../attachments/decode.js';
import type { Extracted } from '../attachments/extract/index.js';
import { AttachmentTexts } from '../attachments/texts.js';
import { FTS_INSERT_SQL, FTS_SOURCE_SQL, ftsColumns, joined, type FtsSource } from './fts-document.js';
import type { Db } from './open.js';

export interface StoredApplication {
  pk: number;
  updated_at: string | null;
  deleted: number;
}

interface ApplicationRow {
  id: string;
  candidate_id: string | null;
  first_name: string | null;
  last_name: string | null;
  candidate_name: string | null;
  name_key: string | null;
  email: string | null;
  location: string | null;
  job_id: string | null;
  job_title: string | null;
  stage_id: string | null;
  stage: string | null;
  status: string | null;
  origin: string | null;
  owner_id: string | null;
  owner: string | null;
  credited_to_id: string | null;
  credited_to: string | null;
  applied_at: string | null;
  updated_at: string | null;
  deleted: number;
  deleted_at: string | null;
  synced_at: string;
  last_event_id: string | null;
  facet_key: number | null;
}

const RAW_COLUMNS: Readonly<Record<ApplicationModelKey, string>> = {
  info: 'info',
  currentStage: 'current_stage',
  interviews: 'interviews',
  rejection: 'rejection',
  offers: 'offers',
  attachments: 'attachments',
};

const ROW_COLUMNS = [
  'id', 'candidate_id', 'first_name', 'last_name', 'candidate_name', 'name_key', 'email', 'location', 'job_id', 'job_title',
  'stage_id', 'stage', 'status', 'origin', 'owner_id', 'owner', 'credited_to_id', 'credited_to', 'applied_at',
  'updated_at', 'deleted', 'deleted_at', 'synced_at', 'last_event_id', 'facet_key',
] as const satisfies readonly (keyof ApplicationRow)[];

/**
 * The full-text fields of a new application, the same as `FTS_SOURCE_SQL` would read back;
 * what is not in the event (departments, text already extracted from a known blob) is passed in.
 */
function ftsDocument(
  row: ApplicationRow,
  models: ApplicationModels,
  departments: string | null,
  attachmentText: string | null,
): FtsSource {
  const candidate = models.info?.candidate ?? null;
  const interviewers = models.interviews?.flatMap((i) => i.interviewers.map((u) => u.email ?? u.id)) ?? [];
  return {
    name: row.candidate_name,
    location: row.location,
    stage: row.stage,
    email: joined(candidate?.emails.map((e) => e.email) ?? [], ' '),
    phone: joined(candidate?.phones.map((p) => p.phoneNumber) ?? [], ' ; '),
    interviews: joined(models.interviews?.map((i) => i.subject) ?? [], ' '),
    rejection: models.rejection?.text ?? null,
    attachments: joined(models.attachments?.map((a) => a.name) ?? [], ' '),
    job: joined([row.job_title, departments], ' '),
    people: joined([row.owner, row.credited_to, ...interviewers], ' '),
    attachmentText,
  };
}

function userLabel(user: User | null): string | null {
  return user === null ? null : (user.email ?? user.id ?? user.employeeId);
}

/** Attachments as stored raw: the base64 text lives once, as bytes in `blobs`. */
export function withoutContent(raw: unknown): unknown {
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) return (withoutContent([raw]) as unknown[])[0];
  if (!Array.isArray(raw)) return raw;
  return raw.map((item: unknown) => {
    if (typeof item !== 'object' || item === null || !('attachmentContent' in item)) return item;
    const { attachmentContent, ...rest } = item as Record<string, unknown>;
    if (typeof attachmentContent === 'object' && attachmentContent !== null && 'content' in attachmentContent) {
      const { content: _content, ...restContent } = attachmentContent as Record<string, unknown>;
      return { ...rest, attachmentContent: { ...restContent, content: null } };
    }
    return { ...rest, attachmentContent: null };
  });
}

export class ApplicationStore {
  private readonly find;
  private readonly readRow;
  private readonly insertRow;
  private readonly updateRow;
  private readonly insertRaw;
  private readonly updateRawColumn: Record<string, import('better-sqlite3').Statement<unknown[]>>;
  private readonly jobTitle;
  private readonly upsertUser;
  private readonly upsertCandidate;
  private readonly deleteChildren: ReturnType<Db['prepare']>[][];
  private readonly insertEmail;
  private readonly insertPhone;
  private readonly insertLink;
  private readonly insertInterview;
  private readonly insertInterviewer;
  private readonly insertOffer;
  private readonly insertRejection;
  private readonly insertBlob;
  private readonly insertAttachment;
  private readonly ftsDelete;
  private readonly ftsInsert;
  private readonly ftsSource;
  private readonly jobDepartments;
  private readonly blobText;
  private readonly jobApplications;
  private readonly blobApplications;
  private readonly jobState;
  private readonly findJob;
  private readonly insertJob;
  private readonly updateJob;
  private readonly deleteStages;
  private readonly insertStage;
  private readonly retitleApplications;
  private readonly tombstoneJob;
  private readonly markDeleted;
  private readonly writtenUsers = new Map<string, string>();
  /** The blobs of the application being written, for its full-text row. */
  private writtenShas: string[] = [];
  private readonly newBlobs = new Map<string, string>();
  private readonly texts: AttachmentTexts;
  /** Texts extracted ahead of the batch being written (sha256 -> text), stored with the first attachment row that holds the blob. */
  private aheadTexts: ReadonlyMap<string, Extracted> | null = null;
  /** Blobs whose text was stored from `aheadTexts` in this batch: nothing left to extract. */
  private readonly textsWritten = new Set<string>();
  private textsWrittenAt = '';
  private readonly facetKeys = new Map<string, number>();
  private readonly insertCombo;
  private readonly findCombo;

  constructor(db: Db) {
    this.find = db.prepare<[string], StoredApplication>('SELECT pk, updated_at, deleted FROM applications WHERE id = ?');
    this.readRow = db.prepare<[number], ApplicationRow>(`SELECT ${ROW_COLUMNS.join(', ')} FROM applications WHERE pk = ?`);
    this.insertRow = db.prepare<ApplicationRow>(
      `INSERT INTO applications (${ROW_COLUMNS.join(', ')}) VALUES (${ROW_COLUMNS.map((c) => `@${c}`).join(', ')})`,
    );
    this.updateRow = db.prepare<ApplicationRow & { pk: number }>(
      `UPDATE applications SET ${ROW_COLUMNS.map((c) => `${c} = @${c}`).join(', ')} WHERE pk = @pk`,
    );
    const rawColumns = Object.values(RAW_COLUMNS);
    this.insertRaw = db.prepare(
      `INSERT INTO application_raw (app_pk, ${rawColumns.join(', ')}) VALUES (?, ${rawColumns.map(() => '?').join(', ')})`,
    );
    this.updateRawColumn = Object.fromEntries(
      rawColumns.map((column) => [column, db.prepare<unknown[]>(`UPDATE application_raw SET ${column} = ? WHERE app_pk = ?`)]),
    );
    this.jobTitle = db.prepare<[string], { title: string | null }>('SELECT title FROM jobs WHERE id = ?');
    this.upsertUser = db.prepare(
      `INSERT INTO users (id, email, employee_id) VALUES (?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET email = coalesce(excluded.email, email), employee_id = coalesce(excluded.employee_id, employee_id)`,
    );
    this.upsertCandidate = db.prepare(
      `INSERT INTO candidates (id, first_name, last_name, location) VALUES (?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET first_name = excluded.first_name, last_name = excluded.last_name, location = excluded.location`,
    );
    const del = (table: string) => db.prepare(`DELETE FROM ${table} WHERE app_pk = ?`);
    // Children replaced by each model, in the order of APPLICATION_MODEL_KEYS.
    this.deleteChildren = [
      [del('emails'), del('phones'), del('links')],
      [],
      [del('interviews'), del('interviewers')],
      [del('rejections')],
      [del('offers')],
      [del('attachments')],
    ];
    this.insertEmail = db.prepare('INSERT INTO emails (app_pk, pos, type, email) VALUES (?, ?, ?, ?)');
    this.insertPhone = db.prepare('INSERT INTO phones (app_pk, pos, type, phone_number) VALUES (?, ?, ?, ?)');
    this.insertLink = db.prepare('INSERT INTO links (app_pk, pos, url) VALUES (?, ?, ?)');
    this.insertInterview = db.prepare(
      `INSERT INTO interviews (app_pk, pos, id, subject, created_at, scheduled_start, scheduled_end, stage_id, stage, location, creator_id, status)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertInterviewer = db.prepare(
      'INSERT INTO interviewers (app_pk, interview_pos, pos, user_id, email) VALUES (?, ?, ?, ?, ?)',
    );
    this.insertOffer = db.prepare(
      'INSERT INTO offers (app_pk, pos, id, status, created_at, sent_at, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.insertRejection = db.prepare('INSERT INTO rejections (app_pk, id, text, rejected_at) VALUES (?, ?, ?, ?)');
    this.insertBlob = db.prepare('INSERT OR IGNORE INTO blobs (sha256, bytes) VALUES (?, ?)');
    this.insertAttachment = db.prepare(
      `INSERT INTO attachments (app_pk, pos, type, name, link, created_at, encoding, sha256, size, media_type, error, content_raw)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.ftsDelete = db.prepare('DELETE FROM applications_fts WHERE rowid = ?');
    this.ftsInsert = db.prepare(FTS_INSERT_SQL);
    this.ftsSource = db.prepare<[number], FtsSource>(FTS_SOURCE_SQL);
    this.jobDepartments = db.prepare<[string], { departments: string | null }>('SELECT departments FROM jobs WHERE id = ?');
    this.blobText = db.prepare<[string], { text: string | null }>('SELECT text FROM attachment_texts WHERE sha256 = ?');
    this.texts = new AttachmentTexts(db);
    this.jobApplications = db.prepare<[string], { pk: number }>('SELECT pk FROM applications WHERE deleted IN (0, 1) AND job_id = ?');
    this.blobApplications = db.prepare<[string], { pk: number }>(
      'SELECT DISTINCT app_pk AS pk FROM attachments WHERE sha256 = ? AND sha256 IS NOT NULL',
    );
    this.jobState = db.prepare<[string], { title: string | null; departments: string | null }>(
      'SELECT title, departments FROM jobs WHERE id = ?',
    );
    this.findJob = db.prepare<[string], { pk: number }>('SELECT pk FROM jobs WHERE id = ?');
    this.insertJob = db.prepare(
      'INSERT INTO jobs (id, title, status, departments, updated_at, raw, synced_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.updateJob = db.prepare(
      `UPDATE jobs SET title = coalesce(@title, title), status = coalesce(@status, status),
         departments = coalesce(@departments, departments), updated_at = coalesce(@updatedAt, updated_at), raw = @raw,
         synced_at = @now, deleted = CASE WHEN @revive THEN 0 ELSE deleted END,
         deleted_at = CASE WHEN @revive THEN NULL ELSE deleted_at END
       WHERE pk = @pk`,
    );
    this.deleteStages = db.prepare('DELETE FROM stages WHERE job_pk = ?');
    this.insertStage = db.prepare('INSERT INTO stages (job_pk, pos, stage_id, name) VALUES (?, ?, ?, ?)');
    this.retitleApplications = db.prepare('UPDATE applications SET job_title = ? WHERE deleted IN (0, 1) AND job_id = ?');
    this.insertCombo = db.prepare(
      'INSERT INTO facet_combos (combo, status, stage, origin, job_id, owner) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (combo) DO NOTHING',
    );
    this.findCombo = db.prepare<[string], { key: number }>('SELECT key FROM facet_combos WHERE combo = ?');
    this.markDeleted = db.prepare(
      'UPDATE applications SET deleted = 1, deleted_at = @now, synced_at = @now, last_event_id = @eventId WHERE pk = @pk',
    );
    this.tombstoneJob = db.prepare('UPDATE jobs SET deleted = 1, deleted_at = ? WHERE id = ?');
  }

  findApplication(id: string): StoredApplication | undefined {
    return this.find.get(id);
  }

  /**
   * Stores the models present in one event. `revive` clears a tombstone (record.new).
   * Returns the application's pk.
   */
  upsertApplication(
    id: string,
    existing: StoredApplication | undefined,
    models: ApplicationModels,
    raw: Partial<Record<ApplicationModelKey, unknown>>,
    meta: { eventId: string; now: string; revive: boolean },
  ): number {
    const row: ApplicationRow = existing
      ? this.readRow.get(existing.pk)!
      : {
          id, candidate_id: null, first_name: null, last_name: null, candidate_name: null, name_key: null, email: null, location: null,
          job_id: null, job_title: null, stage_id: null, stage: null, status: null, origin: null, owner_id: null,
          owner: null, credited_to_id: null, credited_to: null, applied_at: null, updated_at: null, deleted: 0,
          deleted_at: null, synced_at: meta.now, last_event_id: null, facet_key: null,
        };
    if (models.info !== undefined) this.applyInfo(row, models.info);
    if (models.currentStage !== undefined) {
      row.stage_id = models.currentStage?.id ?? null;
      row.stage = models.currentStage?.text ?? null;
    }
    if (meta.revive) {
      row.deleted = 0;
      row.deleted_at = null;
    }
    row.synced_at = meta.now;
    row.last_event_id = meta.eventId;
    row.facet_key = this.facetKey(row);

    let pk: number;
    if (existing) {
      pk = existing.pk;
      this.updateRow.run({ ...row, pk });
      for (const [key, value] of Object.entries(raw)) {
        const column = RAW_COLUMNS[key as ApplicationModelKey];
        this.updateRawColumn[column]!.run(JSON.stringify(key === 'attachments' ? withoutContent(value) : value), pk);
      }
      this.deleteModelChildren(pk, models);
    } else {
      pk = Number(this.insertRow.run(row).lastInsertRowid);
      this.insertRaw.run(
        pk,
        ...Object.keys(RAW_COLUMNS).map((key) => {
          if (!(key in raw)) return null;
          const value = raw[key as ApplicationModelKey];
          return JSON.stringify(key === 'attachments' ? withoutContent(value) : value);
        }),
      );
    }
    this.writtenShas = [];
    this.insertModelChildren(pk, models);
    this.reindex(pk, existing !== undefined, row, models);
    return pk;
  }

  /** Marks an application deleted upstream, keeping everything stored. */
  tombstone(
    id: string,
    existing: StoredApplication | undefined,
    meta: { eventId: string; now: string; candidateId: string | null; jobId: string | null },
  ): void {
    if (existing) {
      this.markDeleted.run({ now: meta.now, eventId: meta.eventId, pk: existing.pk });
      return;
    }
    // Deleted before we ever saw it: keep the tombstone so a late record.modified stays hidden.
    const row: ApplicationRow = {
      id, candidate_id: meta.candidateId, first_name: null, last_name: null, candidate_name: null, name_key: null, email: null,
      location: null, job_id: meta.jobId, job_title: meta.jobId === null ? null : (this.jobTitle.get(meta.jobId)?.title ?? null),
      stage_id: null, stage: null, status: null, origin: null, owner_id: null, owner: null, credited_to_id: null,
      credited_to: null, applied_at: null, updated_at: null, deleted: 1, deleted_at: meta.now, synced_at: meta.now,
      last_event_id: meta.eventId, facet_key: null,
    };
    row.facet_key = this.facetKey(row);
    const pk = Number(this.insertRow.run(row).lastInsertRowid);
    this.insertRaw.run(pk, null, null, null, null, null, null);
  }

  private applyInfo(row: ApplicationRow, info: ApplicationInfo): void {
    const candidate = info.candidate;
    row.candidate_id = candidate?.id ?? null;
    row.first_name = candidate?.firstName ?? null;
    row.last_name = candidate?.lastName ?? null;
    row.candidate_name = candidateName(candidate);
    row.name_key = row.candidate_name === null ? null : sortKey(row.candidate_name);
    row.email = candidate?.emails[0]?.email ?? null;
    row.location = candidate?.location ?? null;
    if (row.job_id !== info.jobId || row.job_title === null) {
      row.job_title = info.jobId === null ? null : (this.jobTitle.get(info.jobId)?.title ?? null);
    }
    row.job_id = info.jobId;
    row.status = info.status;
    row.origin = info.origin;
    row.owner_id = info.owner?.id ?? null;
    row.owner = userLabel(info.owner);
    row.credited_to_id = info.creditedTo?.id ?? null;
    row.credited_to = userLabel(info.creditedTo);
    row.applied_at = info.appliedAt;
    row.updated_at = info.updatedAt;
  }

  private deleteModelChildren(pk: number, models: ApplicationModels): void {
    const present = [
      models.info !== undefined,
      false,
      models.interviews !== undefined,
      models.rejection !== undefined,
      models.offers !== undefined,
      models.attachments !== undefined,
    ];
    present.forEach((isPresent, i) => {
      if (isPresent) for (const statement of this.deleteChildren[i]!) statement.run(pk);
    });
  }

  private insertModelChildren(pk: number, models: ApplicationModels): void {
    if (models.info !== undefined) this.insertInfoChildren(pk, models.info);
    if (models.interviews !== undefined) models.interviews.forEach((interview, i) => this.insertInterviewRow(pk, i, interview));
    if (models.rejection !== undefined && models.rejection !== null) this.insertRejectionRow(pk, models.rejection);
    if (models.offers !== undefined) models.offers.forEach((offer, i) => this.insertOfferRow(pk, i, offer));
    if (models.attachments !== undefined) models.attachments.forEach((attachment, i) => this.insertAttachmentRow(pk, i, attachment));
  }

  private insertInfoChildren(pk: number, info: ApplicationInfo): void {
    const candidate = info.candidate;
    if (candidate !== null) {
      if (candidate.id !== null) this.upsertCandidate.run(candidate.id, candidate.firstName, candidate.lastName, candidate.location);
      candidate.emails.forEach((email, i) => this.insertEmail.run(pk, i, email.type, email.email));
      candidate.phones.forEach((phone, i) => this.insertPhone.run(pk, i, phone.type, phone.phoneNumber));
      candidate.links.forEach((link, i) => this.insertLink.run(pk, i, link));
    }
    this.rememberUser(info.owner);
    this.rememberUser(info.creditedTo);
  }

  /**
   * The same few dozen recruiters appear in every event; a user already written with the
   * same details is not written again.
   */
  private rememberUser(user: User | null): void {
    if (user === null || user.id === null) return;
    const details = `${user.email ?? ''}\u0000${user.employeeId ?? ''}`;
    if (this.writtenUsers.get(user.id) === details) return;
    this.upsertUser.run(user.id, user.email, user.employeeId);
    this.writtenUsers.set(user.id, details);
  }

  /** The number of the row's combination of facet values, written the first time it is seen. */
  private facetKey(row: ApplicationRow): number {
    const values = [row.status, row.stage, row.origin, row.job_id, row.owner] as const;
    const combo = JSON.stringify(values);
    let key = this.facetKeys.get(combo);
    if (key === undefined) {
      this.insertCombo.run(combo, ...values);
      key = this.findCombo.get(combo)!.key;
      this.facetKeys.set(combo, key);
    }
    return key;
  }

  /**
   * The texts extracted ahead of the batch about to be written (null once it is): each is
   * stored as its blob is, so the full-text rows written after it include it.
   */
  useAheadTexts(texts: ReadonlyMap<string, Extracted> | null, now: string): void {
    this.aheadTexts = texts;
    this.textsWrittenAt = now;
  }

  /**
   * Stores the blob's text extracted ahead, once per batch. A blob stored before without a text (an import
   * told not to extract) may be held by other applications already: they are re-indexed with it (the one
   * being written has no attachment row for it yet, and is indexed once its rows are in).
   */
  private writeAheadText(sha256: string, newBlob: boolean): void {
    const text = this.aheadTexts?.get(sha256);
    if (text === undefined || this.textsWritten.has(sha256)) return;
    this.texts.write(sha256, text, this.textsWrittenAt);
    this.textsWritten.add(sha256);
    if (!newBlob) this.reindexBlob(sha256);
  }

  /** After a rolled-back batch, what this store remembers writing may not be in the database. */
  forgetWrites(): void {
    this.writtenUsers.clear();
    this.newBlobs.clear();
    this.textsWritten.clear();
    this.facetKeys.clear();
  }

  private insertInterviewRow(pk: number, pos: number, interview: Interview): void {
    const stage: Stage | null = interview.stage;
    this.insertInterview.run(
      pk, pos, interview.id, interview.subject, interview.createdAt, interview.scheduledStart, interview.scheduledEnd,
      stage?.id ?? null, stage?.text ?? null, interview.location, interview.creator?.id ?? null, interview.status,
    );
    this.rememberUser(interview.creator);
    interview.interviewers.forEach((user, i) => {
      this.rememberUser(user);
      this.insertInterviewer.run(pk, pos, i, user.id, user.email);
    });
  }

  private insertRejectionRow(pk: number, rejection: Rejection): void {
    this.insertRejection.run(pk, rejection.id, rejection.text, rejection.rejectedAt);
  }

  private insertOfferRow(pk: number, pos: number, offer: Offer): void {
    this.insertOffer.run(pk, pos, offer.id, offer.status, offer.createdAt, offer.sentAt, offer.closedAt);
  }

  private insertAttachmentRow(pk: number, pos: number, attachment: Attachment): void {
    const content = attachment.content;
    let sha256: string | null = null;
    let size: number | null = null;
    let mediaType: string | null = null;
    let error: string | null = null;
    let contentRaw: string | null = null;
    if (content !== null) {
      const decoded = decodeContent(content);
      if (decoded.ok) {
        const newBlob = this.insertBlob.run(decoded.sha256, decoded.bytes).changes > 0;
        if (newBlob) this.newBlobs.set(decoded.sha256, decoded.mediaType);
        this.writeAheadText(decoded.sha256, newBlob);
        this.writtenShas.push(decoded.sha256);
        sha256 = decoded.sha256;
        size = decoded.bytes.length;
        mediaType = decoded.mediaType;
        if (!decoded.canonical) contentRaw = content.content;
      } else {
        error = decoded.error;
        contentRaw = content.content;
      }
    }
    this.insertAttachment.run(
      pk, pos, attachment.type, attachment.name, attachment.link, attachment.createdAt, content?.encoding ?? null,
      sha256, size, mediaType, error, contentRaw,
    );
  }

  /**
   * Rebuilds the application's full-text row. A new application's text is all in the
   * event; an update may lack models, so its text is read back from what is stored.
   */
  private reindex(pk: number, existed: boolean, row: ApplicationRow, models: ApplicationModels): void {
    if (existed) {
      this.reindexStored(pk);
      return;
    }
    const departments = row.job_id === null ? null : (this.jobDepartments.get(row.job_id)?.departments ?? null);
    // A resume sent again (same bytes) may already have its text; a new one has it when it was extracted ahead.
    const known = this.writtenShas.map((sha256) =>
      this.newBlobs.has(sha256) && !this.textsWritten.has(sha256) ? null : (this.blobText.get(sha256)?.text ?? null),
    );
    this.ftsInsert.run(pk, ...ftsColumns(ftsDocument(row, models, departments, joined(known, ' '))));
  }

  /** Blobs first stored since the last call (sha256 -> sniffed media type), to extract text from once committed. */
  takeNewBlobs(): Map<string, string> {
    const blobs = new Map([...this.newBlobs].filter(([sha256]) => !this.textsWritten.has(sha256)));
    this.newBlobs.clear();
    this.textsWritten.clear();
    return blobs;
  }

  /** Rebuilds one application's full-text row from what is stored. */
  reindexStored(pk: number): void {
    this.ftsDelete.run(pk);
    const doc = this.ftsSource.get(pk);
    if (doc !== undefined) this.ftsInsert.run(pk, ...ftsColumns(doc));
  }

  /** Re-indexes every application that has an attachment with these bytes (their text arrived). */
  reindexBlob(sha256: string): number {
    const pks = this.blobApplications.all(sha256);
    for (const { pk } of pks) this.reindexStored(pk);
    return pks.length;
  }

  upsertJob(jobId: string, models: JobModels, raw: unknown, now: string, revive: boolean): void {
    const info = models.info;
    const departments = models.departments === undefined ? null : models.departments.map((d) => d.name ?? d.id).filter(Boolean).join(', ');
    const existing = this.findJob.get(jobId);
    const before = existing === undefined ? undefined : this.jobState.get(jobId);
    let jobPk: number;
    if (existing) {
      jobPk = existing.pk;
      this.updateJob.run({
        title: info?.title ?? null,
        status: info?.status ?? null,
        departments,
        updatedAt: info?.updatedAt ?? null,
        raw: JSON.stringify(raw),
        now,
        revive: revive ? 1 : 0,
        pk: jobPk,
      });
    } else {
      jobPk = Number(
        this.insertJob.run(jobId, info?.title ?? null, info?.status ?? null, departments, info?.updatedAt ?? null, JSON.stringify(raw), now)
          .lastInsertRowid,
      );
    }
    if (models.stages !== undefined) {
      this.deleteStages.run(jobPk);
      models.stages.forEach((stage, i) => this.insertStage.run(jobPk, i, stage.id, stage.text));
    }
    if (info?.title !== undefined && info.title !== null) this.retitleApplications.run(info.title, jobId);
    // A new job's applications (seen before it) and a renamed or re-departmented job's are found by its new words.
    const after = this.jobState.get(jobId);
    if (before === undefined || before.title !== after?.title || before.departments !== after?.departments) {
      for (const { pk } of this.jobApplications.all(jobId)) this.reindexStored(pk);
    }
  }

  deleteJob(jobId: string, now: string): boolean {
    return this.tombstoneJob.run(now, jobId).changes > 0;
  }
}
