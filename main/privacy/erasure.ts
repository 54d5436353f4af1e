/**
 * Erasure (GDPR art. 17; issue #9): one service for the CLI (`forget`, `unforget`,
 * `purge`) and the API (the detail pane's "Erase candidate", the retention setting).
 *
 * Forgetting a candidate removes, in one transaction, every application of theirs (live
 * or deleted upstream) and everything derived from them: normalised rows, raw JSON, the
 * full-text entries, attachment rows, the attachment files and extracted text no other
 * application references, rejected events' kept bodies and relay log entries that
 * mention their ids or email addresses. `secure_delete` (every connection) zeroes what
 * was deleted and FTS5's `secure-delete` removes the index entries themselves; then a
 * TRUNCATE checkpoint copies the zeroed pages into the database file and empties the
 * WAL, so no copy is left in the files. A suppression (keyed hash) makes later syncs drop
 * their events. What was erased is recorded as counts only.
 */
import type { ErasureCounts, ErasurePlan, ErasureResult } from '../../shared/api/privacy.js';
import type { Db } from '../db/open.js';
import { Suppressions } from './suppression.js';

export type { ErasureCounts, ErasurePlan, ErasureResult };

export interface ErasureRecord extends ErasureCounts {
  erasedAt: string;
  reason: 'forget' | 'retention';
  /** Whether later syncs still drop this erasure's events (`unforget` lifts it). */
  suppressed: boolean;
}

export class ErasureError extends Error {
  constructor(
    readonly code: 'not_found' | 'invalid',
    message: string,
  ) {
    super(message);
    this.name = 'ErasureError';
  }
}

interface Target {
  candidateId: string | null;
  /** Application ids to suppress (also those no longer stored). */
  applicationIds: string[];
  pks: number[];
}

const CHILD_TABLES = ['application_raw', 'emails', 'phones', 'links', 'interviews', 'interviewers', 'offers', 'rejections'] as const;

export class ErasureService {
  private readonly suppressions: Suppressions;
  private readonly now: () => string;

  constructor(
    private readonly db: Db,
    options: { now?: () => string } = {},
  ) {
    this.suppressions = new Suppressions(db);
    this.now = options.now ?? (() => new Date().toISOString());
  }

  /** The candidate of an application (null when it has none), or an error when the application is unknown. */
  candidateOf(applicationId: string): string | null {
    const row = this.db.prepare<[string], { candidate_id: string | null }>('SELECT candidate_id FROM applications WHERE id = ?').get(applicationId);
    if (row === undefined) throw new ErasureError('not_found', 'no application with that id is stored');
    return row.candidate_id;
  }

  private target(by: { candidateId: string } | { applicationId: string }): Target {
    const candidateId = 'candidateId' in by ? by.candidateId : this.candidateOf(by.applicationId);
    if (candidateId === null) {
      const { applicationId } = by as { applicationId: string };
      const rows = this.db.prepare<[string], { pk: number }>('SELECT pk FROM applications WHERE id = ?').all(applicationId);
      return { candidateId: null, applicationIds: [applicationId], pks: rows.map((r) => r.pk) };
    }
    const rows = this.db.prepare<[string], { pk: number; id: string }>('SELECT pk, id FROM applications WHERE candidate_id = ? ORDER BY pk').all(candidateId);
    return { candidateId, applicationIds: rows.map((r) => r.id), pks: rows.map((r) => r.pk) };
  }

  /** What forgetting would erase, for the confirmation. */
  plan(by: { candidateId: string } | { applicationId: string }): ErasurePlan {
    const target = this.target(by);
    return { ...this.count(target.pks, this.needles(target)), candidateKnown: target.pks.length > 0 };
  }

  forget(by: { candidateId: string } | { applicationId: string }): ErasureResult {
    const result = this.db.transaction(() => {
      const target = this.target(by);
      const erasedAt = this.now();
      const counts = this.erase(target.pks, this.needles(target));
      const erasurePk = this.record('forget', erasedAt, counts);
      if (target.candidateId !== null) {
        this.suppressions.add('candidate', target.candidateId, erasurePk, null, erasedAt);
        this.db.prepare('DELETE FROM candidates WHERE id = ?').run(target.candidateId);
      }
      for (const id of target.applicationIds) this.suppressions.add('application', id, erasurePk, target.candidateId, erasedAt);
      return { ...counts, erasedAt };
    })();
    return { ...result, checkpointed: this.checkpoint() };
  }

  /** Lifts a suppression: later syncs bring the candidate back. Answers how many entries went. */
  unforget(by: { candidateId: string } | { applicationId: string }): number {
    const removed = 'candidateId' in by ? this.suppressions.remove(by.candidateId) : this.suppressions.removeApplication(by.applicationId);
    if (removed === 0) throw new ErasureError('not_found', 'nothing is suppressed for that id');
    return removed;
  }

  list(): ErasureRecord[] {
    return this.db
      .prepare<[], Omit<ErasureRecord, 'suppressed'> & { suppressed: number }>(
        `SELECT e.erased_at AS erasedAt, e.reason, e.applications, e.attachments, e.files, e.bytes,
           e.rejected_events AS rejectedEvents, e.relay_events AS relayEvents,
           EXISTS (SELECT 1 FROM suppressions s WHERE s.erasure_pk = e.pk) AS suppressed
         FROM erasures e ORDER BY e.pk`,
      )
      .all()
      .map((row) => ({ ...row, suppressed: row.suppressed === 1 }));
  }

  /** Rejected or hired applications last updated before `before` (an ISO date or time). */
  closedBefore(before: string): number[] {
    return this.db
      .prepare<[string], { pk: number }>(
        "SELECT pk FROM applications WHERE status IN ('REJECTED', 'HIRED') AND updated_at IS NOT NULL AND updated_at < ? ORDER BY pk",
      )
      .all(before)
      .map((r) => r.pk);
  }

  planPurge(before: string): ErasureCounts {
    return this.count(this.closedBefore(before), []);
  }

  /** Retention: erases closed applications (not their candidates' other ones); no suppression. */
  purge(before: string): ErasureResult {
    const result = this.db.transaction(() => {
      const pks = this.closedBefore(before);
      const erasedAt = this.now();
      const counts = this.erase(pks, []);
      if (counts.applications > 0) this.record('retention', erasedAt, counts);
      return { ...counts, erasedAt };
    })();
    return { ...result, checkpointed: result.applications === 0 ? true : this.checkpoint() };
  }

  /** Strings whose presence in a kept event body ties it to the person: their ids and email addresses. */
  private needles(target: Target): string[] {
    const needles = new Set<string>(target.applicationIds);
    if (target.candidateId !== null) needles.add(target.candidateId);
    const emails = this.db.prepare<[number], { email: string }>('SELECT email FROM emails WHERE app_pk = ?');
    for (const pk of target.pks) for (const { email } of emails.all(pk)) needles.add(email);
    // Too short a needle would match unrelated events.
    return [...needles].filter((needle) => needle.trim().length >= 3);
  }

  private mentions(table: 'rejected_events' | 'relay_log', needles: readonly string[]): number[] {
    if (needles.length === 0) return [];
    const key = table === 'rejected_events' ? 'pk' : 'seq';
    // As JSON strings, quotes included: "app_1" must not match "app_10".
    const quoted = needles.map((needle) => JSON.stringify(needle));
    const condition = quoted.map(() => 'instr(body, ?) > 0').join(' OR ');
    return this.db
      .prepare<string[], { k: number }>(`SELECT ${key} AS k FROM ${table} WHERE body IS NOT NULL AND (${condition})`)
      .all(...quoted)
      .map((r) => r.k);
  }

  private sharedFiles(pks: readonly number[]): { sha256: string; bytes: number }[] {
    if (pks.length === 0) return [];
    const json = JSON.stringify(pks);
    return this.db
      .prepare<[string, string], { sha256: string; bytes: number }>(
        `SELECT a.sha256, length(b.bytes) AS bytes FROM (SELECT DISTINCT sha256 FROM attachments
           WHERE app_pk IN (SELECT value FROM json_each(?)) AND sha256 IS NOT NULL) a
         JOIN blobs b ON b.sha256 = a.sha256
         WHERE NOT EXISTS (SELECT 1 FROM attachments o WHERE o.sha256 = a.sha256 AND o.app_pk NOT IN (SELECT value FROM json_each(?)))`,
      )
      .all(json, json);
  }

  /** What erasing these applications touches: the counts, and the keys the erasure deletes by. */
  private survey(pks: readonly number[], needles: readonly string[]) {
    const files = this.sharedFiles(pks);
    const attachments =
      pks.length === 0
        ? 0
        : (this.db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM attachments WHERE app_pk IN (SELECT value FROM json_each(?))').get(JSON.stringify(pks))!.n);
    const rejected = this.mentions('rejected_events', needles);
    const relay = this.mentions('relay_log', needles);
    const counts: ErasureCounts = {
      applications: pks.length,
      attachments,
      files: files.length,
      bytes: files.reduce((n, f) => n + f.bytes, 0),
      rejectedEvents: rejected.length,
      relayEvents: relay.length,
    };
    return { counts, files, rejected, relay };
  }

  private count(pks: readonly number[], needles: readonly string[]): ErasureCounts {
    return this.survey(pks, needles).counts;
  }

  private erase(pks: readonly number[], needles: readonly string[]): ErasureCounts {
    const { counts, files, rejected, relay } = this.survey(pks, needles);
    const json = JSON.stringify(pks);
    const inSet = '(SELECT value FROM json_each(?))';
    if (pks.length > 0) {
      const deleteFts = this.db.prepare('DELETE FROM applications_fts WHERE rowid = ?');
      for (const pk of pks) deleteFts.run(pk);
      for (const table of CHILD_TABLES) this.db.prepare(`DELETE FROM ${table} WHERE app_pk IN ${inSet}`).run(json);
      this.db.prepare(`DELETE FROM attachments WHERE app_pk IN ${inSet}`).run(json);
      this.db.prepare(`DELETE FROM applications WHERE pk IN ${inSet}`).run(json);
    }
    const deleteBlob = this.db.prepare('DELETE FROM blobs WHERE sha256 = ?');
    const deleteText = this.db.prepare('DELETE FROM attachment_texts WHERE sha256 = ?');
    for (const { sha256 } of files) {
      deleteBlob.run(sha256);
      deleteText.run(sha256);
    }
    if (rejected.length > 0) this.db.prepare(`DELETE FROM rejected_events WHERE pk IN ${inSet}`).run(JSON.stringify(rejected));
    if (relay.length > 0) this.db.prepare(`DELETE FROM relay_log WHERE seq IN ${inSet}`).run(JSON.stringify(relay));
    // Event ids are opaque upstream, but a source may build them from record ids: those go too
    // (suppression, not these marks, keeps the events out).
    const ids = needles.filter((needle) => !needle.includes('@'));
    if (ids.length > 0) {
      const containing = this.db
        .prepare<string[], { id: string }>(`SELECT event_id AS id FROM applied_events WHERE ${ids.map(() => 'instr(event_id, ?) > 0').join(' OR ')}`)
        .all(...ids)
        .map((row) => row.id)
        // Whole ids only: "app_1" is in "ev_app_1_3", not in "ev_app_10_3".
        .filter((eventId) => ids.some((id) => new RegExp(`(^|[^A-Za-z0-9])${escapeRegExp(id)}([^A-Za-z0-9]|$)`).test(eventId)));
      const remove = this.db.prepare('DELETE FROM applied_events WHERE event_id = ?');
      for (const eventId of containing) remove.run(eventId);
    }
    return counts;
  }

  private record(reason: 'forget' | 'retention', erasedAt: string, c: ErasureCounts): number {
    return Number(
      this.db
        .prepare(
          `INSERT INTO erasures (erased_at, reason, applications, attachments, files, bytes, rejected_events, relay_events)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(erasedAt, reason, c.applications, c.attachments, c.files, c.bytes, c.rejectedEvents, c.relayEvents).lastInsertRowid,
    );
  }

  /** Copies the zeroed pages into the file and empties the WAL; a reader may hold it up briefly. */
  private checkpoint(): boolean {
    if (this.db.memory) return true;
    for (let attempt = 0; attempt < 5; attempt++) {
      const [row] = this.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
      if (row?.busy === 0) return true;
    }
    return false;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
