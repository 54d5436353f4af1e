import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from './migrations/index.js';
import { DatabaseError, SCHEMA_VERSION, migrate, openDatabase } from './open.js';
import { BrowseQueries } from './queries/browse.js';

describe('migrations', () => {
  it('are numbered in increasing order', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    expect(new Set(versions).size).toBe(versions.length);
    for (const migration of MIGRATIONS) expect(migration.name.startsWith(`${String(migration.version).padStart(4, '0')}-`)).toBe(true);
  });

  it('bring a new database to the latest schema, in WAL mode', () => {
    const db = openDatabase(':memory:');
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table'").all().map((t) => t.name);
    for (const table of ['applications', 'application_raw', 'candidates', 'emails', 'phones', 'links', 'users', 'jobs', 'stages', 'interviews', 'interviewers', 'offers', 'rejections', 'attachments', 'blobs', 'applications_fts']) {
      expect(tables).toContain(table);
    }
    db.close();
  });

  it('apply each step once: reopening changes nothing', () => {
    const db = new Database(':memory:');
    migrate(db);
    const schema = db.prepare('SELECT sql FROM sqlite_schema ORDER BY name').all();
    migrate(db);
    expect(db.prepare('SELECT sql FROM sqlite_schema ORDER BY name').all()).toEqual(schema);
    db.close();
  });

  it('roll a failing step back whole, keeping the steps before it', () => {
    const db = new Database(':memory:');
    const broken = [
      { version: 10, name: '0010-a', sql: 'CREATE TABLE a (x);' },
      { version: 20, name: '0020-b', sql: 'CREATE TABLE b (x); CREATE TABLE a (y);' },
    ];
    expect(() => migrate(db, broken)).toThrow(/already exists/);
    expect(db.pragma('user_version', { simple: true })).toBe(10);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name = 'b'").all()).toEqual([]);
    db.close();
  });

  it('refuse a database made by a newer app', () => {
    const db = new Database(':memory:');
    db.pragma(`user_version = ${SCHEMA_VERSION + 10}`);
    expect(() => migrate(db)).toThrow(DatabaseError);
    expect(() => migrate(db)).toThrow(/newer Candidate Viewer/);
    db.close();
  });

  it('bring a version-20 database with data to the new search: job titles, people, same results as before', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.filter((m) => m.version <= 20));
    db.exec(`
      INSERT INTO jobs (id, title, departments, synced_at) VALUES ('job_1', 'Backend Engineer', 'Platform', 'now');
      INSERT INTO applications (pk, id, candidate_name, location, job_id, job_title, stage, owner, deleted, synced_at)
        VALUES (1, 'app_1', 'Łukasz Nowak', 'Kraków', 'job_1', 'Backend Engineer', 'Screen', 'owner1@northwind.example', 0, 'now'),
               (2, 'app_2', 'Ada Lovelace', 'Lisbon', 'job_2', 'Designer', 'Offer', NULL, 0, 'now'),
               (3, 'ghost', NULL, NULL, NULL, NULL, NULL, NULL, 1, 'now');
      INSERT INTO application_raw (app_pk, info) VALUES (1, '{}'), (2, '{}'), (3, NULL);
      INSERT INTO phones (app_pk, pos, phone_number) VALUES (1, 0, '+48 12 345-6789');
      INSERT INTO interviews (app_pk, pos, subject) VALUES (2, 0, 'Portfolio review');
      INSERT INTO attachments (app_pk, pos, name, sha256) VALUES (2, 0, 'cv.pdf', 'abc');
      INSERT INTO applications_fts (rowid, name, location, stage) VALUES (1, 'Łukasz Nowak lukasz nowak', 'Kraków', 'Screen'), (2, 'Ada Lovelace', 'Lisbon', 'Offer');
    `);
    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const search = (q: string) => new BrowseQueries(db).list({ q }).items.map((item) => item.id);
    expect(search('Backend')).toEqual(['app_1']);
    expect(search('platform')).toEqual(['app_1']);
    expect(search('owner1')).toEqual(['app_1']);
    expect(search('lukasz')).toEqual(['app_1']);
    expect(search('123456789')).toEqual(['app_1']);
    expect(search('portfolio')).toEqual(['app_2']);
    expect(search('cv')).toEqual(['app_2']);
    expect(db.prepare('SELECT count(*) AS n FROM applications_fts').get()).toEqual({ n: 2 });
    const plan = (sql: string) => db.prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`).all('x').map((r) => r.detail).join('\n');
    expect(plan('SELECT app_pk FROM attachments WHERE sha256 = ?')).toMatch(/USING COVERING INDEX attachments_by_sha256|USING INDEX attachments_by_sha256/);
    expect(plan('SELECT rowid FROM applications_fts WHERE applications_fts MATCH ?')).toMatch(/VIRTUAL TABLE INDEX/);
    db.close();
  });
});
