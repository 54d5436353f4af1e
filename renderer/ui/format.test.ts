import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatDuration, formatRelative, formatSize, UNKNOWN } from './format';

describe('sizes', () => {
  it('reads as a person would say them', () => {
    expect(formatSize(0, 'en')).toBe('0 B');
    expect(formatSize(512, 'en')).toBe('512 B');
    expect(formatSize(12 * 1024, 'en')).toBe('12 KB');
    expect(formatSize(12_345, 'en')).toBe('12 KB');
    expect(formatSize(1536 * 1024, 'en')).toBe('1.5 MB');
    expect(formatSize(25 * 1024 * 1024, 'en')).toBe('25 MB');
    expect(formatSize(3 * 1024 ** 3, 'en')).toBe('3 GB');
  });

  it('shows unknown sizes as a dash', () => {
    expect(formatSize(null)).toBe(UNKNOWN);
    expect(formatSize(-1)).toBe(UNKNOWN);
    expect(formatSize(Number.NaN)).toBe(UNKNOWN);
  });
});

describe('dates', () => {
  it('formats in the given locale', () => {
    expect(formatDate('2026-03-05T10:00:00Z', 'en-US')).toBe('Mar 5, 2026');
    expect(formatDate('2026-03-05T10:00:00Z', 'de-DE')).toBe('05.03.2026');
    expect(formatDateTime('2026-03-05T10:00:00Z', 'en-US')).toMatch(/^Mar 5, 2026/);
  });

  it('shows absent, unparsable and epoch-zero dates as a dash', () => {
    expect(formatDate(null)).toBe(UNKNOWN);
    expect(formatDate('')).toBe(UNKNOWN);
    expect(formatDate('not a date')).toBe(UNKNOWN);
    expect(formatDate('1970-01-01T00:00:00Z')).toBe(UNKNOWN);
  });

  it('says how long ago', () => {
    const now = Date.parse('2026-11-25T12:00:00Z');
    expect(formatRelative('2026-11-25T11:59:50Z', now, 'en')).toBe('just now');
    expect(formatRelative('2026-11-25T11:57:00Z', now, 'en')).toBe('3 minutes ago');
    expect(formatRelative('2026-11-25T09:00:00Z', now, 'en')).toBe('3 hours ago');
    expect(formatRelative('2026-11-24T11:00:00Z', now, 'en')).toBe('yesterday');
    expect(formatRelative('2026-01-02T00:00:00Z', now, 'en-US')).toBe('on Jan 2, 2026');
    expect(formatRelative(null, now)).toBe(UNKNOWN);
  });

  it('says how long a run took', () => {
    expect(formatDuration(12)).toBe('under 0.1 s');
    expect(formatDuration(420)).toBe('0.4 s');
    expect(formatDuration(12_300)).toBe('12 s');
    expect(formatDuration(184_000)).toBe('3 min 4 s');
    expect(formatDuration(3_900_000)).toBe('1 h 5 min');
    expect(formatDuration(null)).toBe(UNKNOWN);
  });
});
