/**
 * The full-text document of an application: which text goes in which column, folded the
 * same way whether it is written at ingest, re-indexed after a change, or refilled by a
 * migration.
 */
import { sortKey } from '../../shared/text.js';
import type { Db } from './open.js';

/** The columns of `applications_fts`, in order. */
export const FTS_COLUMNS = [
  'name', 'email', 'phone', 'location', 'stage', 'interviews', 'rejection', 'attachments', 'job', 'people', 'attachment_text',
] as const;

export interface FtsSource {
  name: string | null;
  email: string | null;
  phone: string | null;
  location: string | null;
  stage: string | null;
  interviews: string | null;
  rejection: string | null;
  /** Attachment file names. */
  attachments: string | null;
  /** Job title and departments. */
  job: string | null;
  /** Owner, credited-to and interviewers, as the data names them (emails). */
  people: string | null;
  /** Text extracted from the attachments' contents. */
  attachmentText: string | null;
}

/** Reads an application's document back from the stored rows (`?` is its pk). */
export const FTS_SOURCE_SQL = `
SELECT a.candidate_name AS name, a.location, a.stage,
  (SELECT group_concat(email, ' ') FROM emails WHERE app_pk = a.pk) AS email,
  (SELECT group_concat(phone_number, ' ; ') FROM phones WHERE app_pk = a.pk) AS phone,
  (SELECT group_concat(subject, ' ') FROM interviews WHERE app_pk = a.pk) AS interviews,
  (SELECT text FROM rejections WHERE app_pk = a.pk) AS rejection,
  (SELECT group_concat(name, ' ') FROM attachments WHERE app_pk = a.pk) AS attachments,
  nullif(concat_ws(' ', a.job_title, (SELECT departments FROM jobs WHERE id = a.job_id)), '') AS job,
  nullif(concat_ws(' ', a.owner, a.credited_to,
    (SELECT group_concat(coalesce(i.email, u.email, i.user_id), ' ')
       FROM interviewers i LEFT JOIN users u ON u.id = i.user_id WHERE i.app_pk = a.pk)), '') AS people,
  (SELECT group_concat(t.text, ' ') FROM attachments t0 JOIN attachment_texts t ON t.sha256 = t0.sha256
     WHERE t0.app_pk = a.pk AND t.text IS NOT NULL) AS attachmentText
FROM applications a WHERE a.pk = ?`;

export const FTS_INSERT_SQL = `INSERT INTO applications_fts (rowid, ${FTS_COLUMNS.join(', ')}) VALUES (?${', ?'.repeat(FTS_COLUMNS.length)})`;

/** The full-text row's values in `FTS_COLUMNS` order. */
export function ftsColumns(doc: FtsSource): (string | null)[] {
  const phones = doc.phone === null ? null : `${doc.phone} ${phoneDigits(doc.phone)}`;
  return [
    searchable(doc.name), doc.email, phones, searchable(doc.location), searchable(doc.stage),
    searchable(doc.interviews), searchable(doc.rejection), searchable(doc.attachments), searchable(doc.job),
    doc.people, searchable(doc.attachmentText),
  ];
}

/** Like SQLite's group_concat: nulls skipped, null when nothing is left. */
export function joined(values: (string | null | undefined)[], separator: string): string | null {
  const present = values.filter((value): value is string => value !== null && value !== undefined && value !== '');
  return present.length === 0 ? null : present.join(separator);
}

/**
 * The tokenizer folds most accents itself; letters like Ł or ø that Unicode does not
 * decompose are added folded, so "lukasz" finds "Łukasz".
 */
export function searchable(text: string | null): string | null {
  if (text === null) return null;
  const folded = sortKey(text);
  return folded === text.toLowerCase() ? text : `${text} ${folded}`;
}

/**
 * Each number also as runs of bare digits from each group on, so "3012345678" and
 * "493012345678" both find "+49 30 1234-5678".
 */
export function phoneDigits(phones: string): string {
  return phones
    .split(' ; ')
    .flatMap((phone) => {
      const groups = phone.trim().split(/\s+/).map((group) => group.replace(/\D/g, ''));
      return groups.map((_, i) => groups.slice(i).join('')).filter((digits) => digits.length > 4);
    })
    .join(' ');
}

/** Fills an empty `applications_fts` from the stored rows (migrations that recreate it). */
export function refillFullText(db: Db): void {
  const source = db.prepare<[number], FtsSource>(FTS_SOURCE_SQL);
  const insert = db.prepare(FTS_INSERT_SQL);
  // Tombstones made before their application was seen never had a full-text row.
  // The keys are read first: better-sqlite3 cannot write while a statement iterates.
  const pks = db.prepare<[], { pk: number }>(
    `SELECT r.app_pk AS pk FROM application_raw r
     WHERE coalesce(r.info, r.current_stage, r.interviews, r.rejection, r.offers, r.attachments) IS NOT NULL ORDER BY r.app_pk`,
  );
  for (const { pk } of pks.all()) insert.run(pk, ...ftsColumns(source.get(pk)!));
}
