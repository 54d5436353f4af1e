/** What every command file shares: the command shape, common options, option readers and database access. */
import { existsSync } from 'node:fs';
import { openDatabase, type Db } from '../db/open.js';
import { defaultDatabasePath } from '../paths.js';
import { CommandError, UsageError } from './errors.js';

export type Values = Record<string, string | boolean | undefined>;
export type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

export interface Command {
  usage: string;
  summary: string;
  options: OptionSpec;
  run(values: Values, positionals: string[]): Promise<number>;
}

export const COMMON = { db: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;

export function str(values: Values, key: string): string | undefined {
  const value = values[key];
  return typeof value === 'string' ? value : undefined;
}

/**
 * For commands that only read (`list`, `show`): a path with no database is a mistake to
 * report (a typo in `--db`, or nothing synced yet), not a file and folders to create.
 */
export function withExistingDb<T>(values: Values, use: (db: Db) => T): T {
  const file = str(values, 'db') ?? defaultDatabasePath();
  if (file !== ':memory:' && !existsSync(file)) {
    throw new CommandError(`no database at ${file}: import events first with "sync" (e.g. "sync --demo"), or pass --db PATH`);
  }
  const db = openDatabase(file);
  try {
    return use(db);
  } finally {
    db.close();
  }
}

export async function withDbAsync<T>(values: Values, use: (db: Db) => Promise<T>): Promise<T> {
  const db = openDatabase(str(values, 'db') ?? defaultDatabasePath());
  try {
    return await use(db);
  } finally {
    db.close();
  }
}

export function integer(values: Values, key: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  const raw = str(values, key);
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < min || Number(raw) > max) {
    throw new UsageError(`--${key} takes a whole number from ${min}${max === Number.MAX_SAFE_INTEGER ? '' : ` to ${max}`}, got ${JSON.stringify(raw)}`);
  }
  return Number(raw);
}

export function requireEnv(name: string, why: string): string {
  const value = process.env[name];
  if (value === undefined || value.trim() === '') throw new CommandError(`${name} is not set: ${why}`);
  return value;
}

/** Resolves on SIGINT/SIGTERM, so servers can close cleanly. */
export function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
