/** How numbers, sizes, dates and durations read on screen, in the user's locale. */

export const UNKNOWN = '—';

/** The user's locale (undefined lets Intl pick the default, which tests pin explicitly). */
type Locale = string | undefined;

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(key: string, make: () => T): T {
  let format = cache.get(key);
  if (format === undefined) {
    format = make();
    cache.set(key, format);
  }
  return format as T;
}

export function formatCount(n: number, locale?: Locale): string {
  return cached(`n:${locale}`, () => new Intl.NumberFormat(locale)).format(n);
}

const SIZE_UNITS = ['KB', 'MB', 'GB', 'TB'] as const;

/** Bytes as a person reads them: "512 B", "12 KB", "1.4 MB" (binary multiples, as file managers do). */
export function formatSize(bytes: number | null | undefined, locale?: Locale): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return UNKNOWN;
  if (bytes < 1024) return `${formatCount(bytes, locale)} B`;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < SIZE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = value < 10 && unit > 0 ? 1 : 0;
  const number = cached(`size:${locale}:${digits}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: digits }));
  return `${number.format(value)} ${SIZE_UNITS[unit]}`;
}

/** A time we can show, or null for absent, unparsable or epoch-zero placeholder values. */
export function parseTime(value: string | null | undefined): number | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const time = Date.parse(value);
  if (Number.isNaN(time) || time === 0) return null;
  return time;
}

export function formatDate(value: string | null | undefined, locale?: Locale): string {
  const time = parseTime(value);
  if (time === null) return UNKNOWN;
  return cached(`d:${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })).format(time);
}

export function formatDateTime(value: string | null | undefined, locale?: Locale): string {
  const time = parseTime(value);
  if (time === null) return UNKNOWN;
  return cached(`dt:${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })).format(time);
}

export function formatTime(value: string | null | undefined, locale?: Locale): string {
  const time = parseTime(value);
  if (time === null) return UNKNOWN;
  return cached(`t:${locale}`, () => new Intl.DateTimeFormat(locale, { timeStyle: 'short' })).format(time);
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "just now", "3 minutes ago", "yesterday", "in 2 hours"; a date beyond a month away. */
export function formatRelative(value: string | null | undefined, now: number, locale?: Locale): string {
  const time = parseTime(value);
  if (time === null) return UNKNOWN;
  const diff = time - now;
  const distance = Math.abs(diff);
  if (distance < 45_000) return 'just now';
  const relative = cached(`r:${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  if (distance < 45 * MINUTE) return relative.format(Math.round(diff / MINUTE), 'minute');
  if (distance < 22 * HOUR) return relative.format(Math.round(diff / HOUR), 'hour');
  if (distance < 30 * DAY) return relative.format(Math.round(diff / DAY), 'day');
  return `on ${formatDate(value, locale)}`;
}

/** A run's length: "0.4 s", "12 s", "3 min 4 s", "1 h 5 min". */
export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms) || ms < 0) return UNKNOWN;
  if (ms < 50) return 'under 0.1 s';
  if (ms < 10_000) return `${(Math.round(ms / 100) / 10).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export function durationBetween(start: string | null | undefined, end: string | null | undefined): number | null {
  const from = parseTime(start);
  const to = parseTime(end);
  return from === null || to === null ? null : to - from;
}

/** Pluralises a count the simple English way: "1 application", "2,000 applications". */
export function countOf(n: number, singular: string, plural = `${singular}s`, locale?: Locale): string {
  return `${formatCount(n, locale)} ${n === 1 ? singular : plural}`;
}
