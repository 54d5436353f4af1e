/** What every command file shares: the command shape, common options, option readers and database access. */
import { existsSync, readFileSync } from 'node:fs';
import { KeyError, parseKey, type DatabaseKey } from '../db/key.js';
import { KeyRequiredError, openDatabase, type Db, type OpenOptions } from '../db/open.js';
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

export const COMMON = {
  db: { type: 'string' },
  'key-file': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const KEY_ENV = 'CANDIDATE_VIEWER_DB_KEY';

/** Reads a key file: a passphrase or 64 hex digits (DESIGN §4). */
export function readKeyFile(path: string, option: string): DatabaseKey {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CommandError(`cannot read the key file ${path} (${option}): ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    return parseKey(text, `the key file ${path}`);
  } catch (error) {
    throw new CommandError((error as KeyError).message);
  }
}

/** The database key: --key-file, else $CANDIDATE_VIEWER_DB_KEY, else none (a plaintext database). */
export function databaseKey(values: Values): DatabaseKey | null {
  const file = str(values, 'key-file');
  if (file !== undefined) return readKeyFile(file, '--key-file');
  const env = process.env[KEY_ENV];
  if (env === undefined || env === '') return null;
  try {
    return parseKey(env, KEY_ENV);
  } catch (error) {
    throw new CommandError((error as KeyError).message);
  }
}

/** openDatabase with this command's key; a missing key is explained in the CLI's words. */
export function openForCommand(values: Values, file: string, options: OpenOptions = {}): Db {
  try {
    return openDatabase(file, { key: databaseKey(values), ...options });
  } catch (error) {
    if (error instanceof KeyRequiredError) throw new CommandError(`${error.message}: pass --key-file PATH or set ${KEY_ENV}`);
    throw error;
  }
}

export function databaseFile(values: Values): string {
  return str(values, 'db') ?? defaultDatabasePath();
}

export function str(values: Values, key: string): string | undefined {
  const value = values[key];
  return typeof value === 'string' ? value : undefined;
}

/**
 * For commands that only read (`list`, `show`): a path with no database is a mistake to
 * report (a typo in `--db`, or nothing synced yet), not a file and folders to create.
 */
export function withExistingDb<T>(values: Values, use: (db: Db) => T): T {
  const file = databaseFile(values);
  if (file !== ':memory:' && !existsSync(file)) {
    throw new CommandError(`no database at ${file}: import events first with "sync" (e.g. "sync --demo"), or pass --db PATH`);
  }
  const db = openForCommand(values, file);
  try {
    return use(db);
  } finally {
    db.close();
  }
}

export async function withDbAsync<T>(values: Values, use: (db: Db) => Promise<T>): Promise<T> {
  const db = openForCommand(values, databaseFile(values));
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
