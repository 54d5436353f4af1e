/**
 * Suppressions: the keyed hashes of forgotten candidates' and applications' ids. The key
 * is this database's own (made by migration 0060), so the table says nothing about who
 * was forgotten to anyone without the database, and nothing in it is an id.
 */
import { createHmac } from 'node:crypto';
import { SUPPRESSION_KEY_SETTING } from '../db/migrations/0060-erasure.js';
import type { Db } from '../db/open.js';

export type SuppressionKind = 'candidate' | 'application';

export class Suppressions {
  private readonly key: Buffer;
  private readonly lookup;
  private readonly anyStatement;

  constructor(private readonly db: Db) {
    const row = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(SUPPRESSION_KEY_SETTING);
    if (row === undefined) throw new Error('the database has no suppression key (migration 0060 did not run)');
    this.key = Buffer.from(row.value, 'hex');
    this.lookup = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM suppressions WHERE hash = ?');
    this.anyStatement = db.prepare<[], { one: number }>('SELECT 1 AS one FROM suppressions LIMIT 1');
  }

  hash(kind: SuppressionKind, id: string): string {
    return createHmac('sha256', this.key).update(`${kind}\0${id}`).digest('hex');
  }

  /** Whether an application's events are to be dropped: its id, or its candidate's, was forgotten. */
  isSuppressed(applicationId: string, candidateId: string | null): boolean {
    if (this.anyStatement.get() === undefined) return false;
    if (this.lookup.get(this.hash('application', applicationId)) !== undefined) return true;
    return candidateId !== null && this.lookup.get(this.hash('candidate', candidateId)) !== undefined;
  }

  add(kind: SuppressionKind, id: string, erasurePk: number, candidateId: string | null, now: string): void {
    this.db
      .prepare(
        `INSERT INTO suppressions (hash, kind, candidate_hash, erasure_pk, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (hash) DO NOTHING`,
      )
      .run(this.hash(kind, id), kind, candidateId === null ? null : this.hash('candidate', candidateId), erasurePk, now);
  }

  /** Lifts a candidate's suppression and their applications'; answers how many entries went. */
  remove(candidateId: string): number {
    const hash = this.hash('candidate', candidateId);
    return this.db.prepare('DELETE FROM suppressions WHERE hash = ? OR candidate_hash = ?').run(hash, hash).changes;
  }

  removeApplication(applicationId: string): number {
    return this.db.prepare('DELETE FROM suppressions WHERE hash = ?').run(this.hash('application', applicationId)).changes;
  }
}
