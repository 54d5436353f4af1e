/** Throwaway folders and databases for tests. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, type Db } from '../db/open.js';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

export function fixturePath(name: string): string {
  return join(FIXTURES, name);
}

export function readFixture(name: string): string {
  return readFileSync(fixturePath(name), 'utf8');
}

export function fixtureJson<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFixture(name)) as T;
}

export interface TempDir {
  path: string;
  file(name: string): string;
  remove(): void;
}

export function tempDir(prefix = 'candidate-viewer-'): TempDir {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, file: (name) => join(path, name), remove: () => rmSync(path, { recursive: true, force: true }) };
}

export function tempDb(dir: TempDir, name = 'test.sqlite'): Db {
  return openDatabase(dir.file(name));
}

/** Columns our own clock writes: they differ between two runs of the same import. */
const CLOCK_COLUMNS = new Set(['synced_at', 'deleted_at', 'received_at', 'started_at', 'finished_at', 'updated_at_local', 'extracted_at']);
const VOLATILE_TABLES = new Set(['imports', 'rejected_events']);

/**
 * Every table's rows, in a stable order, without the columns our clock writes:
 * two databases that converged compare equal.
 */
export function dumpState(db: Db): Record<string, unknown[]> {
  const tables = db
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'applications_fts%' ORDER BY name",
    )
    .all()
    .map((t) => t.name)
    .filter((name) => !VOLATILE_TABLES.has(name));
  const state: Record<string, unknown[]> = {};
  for (const table of tables) {
    // Each database makes its own random suppression key (migration 0060).
    const where = table === 'settings' ? " WHERE key <> 'privacy:suppression-key'" : '';
    const rows = db.prepare(`SELECT * FROM "${table}"${where}`).all() as Record<string, unknown>[];
    const cleaned = rows.map((row) => Object.fromEntries(Object.entries(row).filter(([key]) => !CLOCK_COLUMNS.has(key))));
    cleaned.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
    state[table] = cleaned;
  }
  // The full-text index is contentless: compare what it finds instead.
  state.fts = db.prepare("SELECT rowid FROM applications_fts WHERE applications_fts MATCH 'a* OR e* OR i* OR o* OR u*' ORDER BY rowid").all();
  return state;
}
