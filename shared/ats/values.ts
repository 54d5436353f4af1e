/** Tolerant readers for the loosely typed values upstream sends. */

/** Thrown for data that cannot be understood; `path` says where, e.g. `eventData.interviews[2]`. */
export class ParseError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(path === '' ? reason : `${path}: ${reason}`);
    this.name = 'ParseError';
  }
}

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * What kind of value arrived, for error messages. Never the value itself: messages land
 * in the sync error list, logs and HTTP answers, and a misplaced value may be a name or a
 * phone number (issue #9).
 */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `text (${value.length} ${value.length === 1 ? 'character' : 'characters'})`;
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return typeof value;
}

/** A string field: numbers become their text, blanks and absent values null. */
export function text(value: unknown, path: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new ParseError(path, `expected text, got ${describe(value)}`);
}

/** An object field that may be absent or null. */
export function optionalObject(value: unknown, path: string): JsonObject | null {
  if (value === null || value === undefined) return null;
  if (isObject(value)) return value;
  throw new ParseError(path, `expected an object, got ${describe(value)}`);
}

/**
 * A list field. Upstream sometimes sends one object where the reference says list
 * (`phones`), so a lone value is read as a list of one; null/absent is the empty list.
 */
export function list(value: unknown): unknown[] {
  if (value === null || value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

const EPOCH_MS_DIGITS = /^-?\d{10,16}$/;

/**
 * A date as an ISO-8601 UTC string, or null when absent, unreadable or the epoch-zero
 * placeholder the reference uses for "unknown". Accepts ISO strings, epoch milliseconds
 * as numbers or digit strings. The raw value is always kept elsewhere, so null loses nothing.
 */
export function isoDate(value: unknown): string | null {
  let ms: number;
  if (typeof value === 'number' && Number.isFinite(value)) ms = value;
  else if (typeof value === 'string') {
    const trimmed = value.trim();
    if (trimmed === '') return null;
    ms = EPOCH_MS_DIGITS.test(trimmed) ? Number(trimmed) : Date.parse(trimmed);
  } else return null;
  if (!Number.isFinite(ms) || ms === 0) return null;
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** A whole number (counts in sync events arrive as numbers or digit strings). */
export function count(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return Math.trunc(value);
  if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) return Number(value);
  return null;
}

export function bool(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return null;
}
