/** Timing and summary helpers for the bench. */
import { readFileSync } from 'node:fs';

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Nearest-rank percentile (p in 0..100) of unsorted values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export interface Latency {
  p50: number;
  p95: number;
  runs: number;
}

/**
 * Times `fn(i)` for `runs` calls after `warmup` untimed calls, in milliseconds. `i`
 * lets a caller cycle through inputs (e.g. search prefixes). A slow query stops early
 * once it has used `budgetMs` (and has at least 20 timings), so a miss cannot blow the
 * bench's time budget; `runs` in the result says how many were timed.
 */
export function latency(fn: (i: number) => unknown, runs: number, warmup: number, budgetMs = 20_000): Latency {
  const warmStart = performance.now();
  for (let i = 0; i < warmup && performance.now() - warmStart < budgetMs / 10; i++) fn(i);
  const times: number[] = [];
  const start = performance.now();
  for (let i = 0; i < runs && (i < 20 || performance.now() - start < budgetMs); i++) {
    const t = performance.now();
    fn(i);
    times.push(performance.now() - t);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95), runs: times.length };
}

export async function seconds<T>(fn: () => Promise<T> | T): Promise<{ value: T; seconds: number }> {
  const start = performance.now();
  const value = await fn();
  return { value, seconds: (performance.now() - start) / 1000 };
}

/** Progress goes to stderr so `--json` keeps stdout a single JSON document. */
export function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

/**
 * This process's peak resident set in KB. On Linux, the kernel's own high-water mark of this
 * address space (/proc/self/status VmHWM): getrusage's maxRSS also counts the parent's memory
 * a spawned child was forked with (it survives the exec), so a child of a big bench process
 * would report the parent's size. Elsewhere, getrusage.
 */
export function peakRssKB(): number {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm !== null) return Number(hwm[1]);
  } catch {
    // Not Linux.
  }
  return process.resourceUsage().maxRSS;
}
