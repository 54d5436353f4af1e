/** The demo's clock: a fixed "now", upstream's date format, and office hours. */
import type { Random } from './random.js';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
/** "Now" of the demo ATS: every date is derived from it, never from the clock. */
export const NOW = Date.UTC(2026, 10, 25);

/** Where an office is in time, for putting things in its working hours. */
export interface OfficeHours {
  /** Hours from UTC. */
  utc: number;
}

const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const DAY_PREFIXES = new Map<number, string>();

/** ISO-8601 UTC to the second, as upstream sends it. Cached by day: it runs ~25 times per application. */
export function iso(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const day = Math.floor(seconds / 86_400);
  let prefix = DAY_PREFIXES.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY).toISOString().slice(0, 11);
    DAY_PREFIXES.set(day, prefix);
  }
  const rest = seconds - day * 86_400;
  return `${prefix}${TWO_DIGITS[Math.floor(rest / 3600)]}:${TWO_DIGITS[Math.floor(rest / 60) % 60]}:${TWO_DIGITS[rest % 60]}Z`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "25 November 2026". */
export function longDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** "Nov 2026", as résumés date their positions. */
export function monthYear(ms: number): string {
  const d = new Date(ms);
  return `${(MONTHS[d.getUTCMonth()] as string).slice(0, 3)} ${d.getUTCFullYear()}`;
}

/** "2026-11-25". */
export function isoDay(ms: number): string {
  return iso(ms).slice(0, 10);
}

const isWeekend = (day: number): boolean => (day + 4) % 7 === 0 || (day + 4) % 7 === 6; // 1970-01-01 was a Thursday.

/** The next weekday office slot (09:00-16:30 local, on the half hour) at least `minDays` after `after`. */
export function officeSlot(r: Random, after: number, office: OfficeHours, minDays: number): number {
  const offset = office.utc * HOUR;
  let day = Math.floor((after + offset) / DAY) + minDays;
  while (isWeekend(day)) day++;
  return day * DAY + (9 * 60 + 30 * r.int(0, 15)) * MINUTE - offset;
}

/** `t` moved into the office's working hours (a recruiter clicking a button). */
export function workTime(r: Random, t: number, office: OfficeHours): number {
  const offset = office.utc * HOUR;
  const local = t + offset;
  const weekday = (Math.floor(local / DAY) + 4) % 7;
  const hour = (local % DAY) / HOUR;
  if (weekday !== 0 && weekday !== 6 && hour >= 8.5 && hour < 18.5) return t;
  let day = Math.floor(local / DAY) + (hour >= 8.5 ? 1 : 0);
  while (isWeekend(day)) day++;
  return day * DAY + r.between(8.75, 18) * HOUR - offset;
}

/** The first Monday at least `days` after `ms`, at midnight UTC: when a new hire starts. */
export function mondayAfter(ms: number, days: number): number {
  let day = Math.floor(ms / DAY) + days;
  while ((day + 4) % 7 !== 1) day++;
  return day * DAY;
}
