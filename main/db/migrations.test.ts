import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from './migrations/index.js';
import { DatabaseError, SCHEMA_VERSION, migrate, openDatabase } from './open.js';

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
});
