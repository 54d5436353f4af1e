/**
 * The arithmetic of DESIGN §4's reports, exact: rates and days come from whole counts
 * and whole milliseconds, so rounding never depends on how a binary fraction fell.
 */

const MS_PER_DAY = 86_400_000;

/** a / b rounded to the nearest whole number, halves away from zero (a, b whole; b > 0). */
function roundDivision(a: number, b: number): number {
  const rounded = Math.round(Math.abs(a) / b);
  return a < 0 ? -rounded : rounded;
}

/** count / of, rounded to 4 decimals (`of` > 0). */
export function rate(count: number, of: number): number {
  return roundDivision(count * 10_000, of) / 10_000;
}

/** A rate, or null when nothing was counted. */
export function rateOrNull(count: number, of: number): number | null {
  return of === 0 ? null : rate(count, of);
}

/** Whole milliseconds as days, rounded to 2 decimals. */
export function days(ms: number): number {
  return roundDivision(ms, MS_PER_DAY / 100) / 100;
}

/**
 * The quantile `numerator / denominator` of whole-millisecond durations, interpolated
 * linearly between the closest ranks (numpy's default), in days to 2 decimals; null for none.
 * The interpolation is kept as an exact fraction until the final rounding.
 */
export function quantileDays(durations: readonly number[], numerator: number, denominator: number): number | null {
  if (durations.length === 0) return null;
  const sorted = [...durations].sort((a, b) => a - b);
  const scaledRank = (sorted.length - 1) * numerator;
  const below = Math.floor(scaledRank / denominator);
  const fraction = scaledRank % denominator;
  const low = sorted[below]!;
  const high = sorted[Math.min(below + 1, sorted.length - 1)]!;
  // (low + (high - low) * fraction / denominator) ms, over the denominator to stay whole.
  const scaledMs = low * denominator + (high - low) * fraction;
  return roundDivision(scaledMs, (denominator * MS_PER_DAY) / 100) / 100;
}

export const medianDays = (durations: readonly number[]) => quantileDays(durations, 1, 2);
export const p90Days = (durations: readonly number[]) => quantileDays(durations, 9, 10);

/** t2 - t1 in milliseconds for two ISO times, or null when either is missing or unreadable. */
export function durationMs(from: string | null, to: string | null): number | null {
  if (from === null || to === null) return null;
  const ms = Date.parse(to) - Date.parse(from);
  return Number.isNaN(ms) ? null : ms;
}
