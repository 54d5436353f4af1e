import { describe, expect, it } from 'vitest';
import { days, durationMs, medianDays, p90Days, quantileDays, rate, rateOrNull } from './figures.js';

const DAY = 86_400_000;

describe('report figures', () => {
  it('rounds rates to 4 decimals from whole counts, halves up, where binary fractions would round down', () => {
    // 3 / 20000 = 0.00015 exactly; as a double times 10^4 it is 1.4999999999999998.
    expect(rate(3, 20000)).toBe(0.0002);
    expect(rate(1, 32)).toBe(0.0313);
    expect(rate(2, 3)).toBe(0.6667);
    expect(rate(0, 5)).toBe(0);
    expect(rateOrNull(0, 0)).toBeNull();
  });

  it('turns milliseconds into days to 2 decimals', () => {
    expect(days(DAY * 1.5)).toBe(1.5);
    expect(days(432_000)).toBe(0.01); // 0.005 days, a half: away from zero
    expect(days(-432_000)).toBe(-0.01);
    expect(durationMs('2026-01-01T00:00:00Z', '2026-01-02T12:00:00Z')).toBe(DAY * 1.5);
    expect(durationMs(null, '2026-01-02T00:00:00Z')).toBeNull();
  });

  it('interpolates quantiles between the closest ranks like numpy', () => {
    // numpy.percentile([1, 2, 3, 4], 50) = 2.5; ([1, 2, 3, 4], 90) = 3.7; ([1, 2, 3], 90) = 2.8
    expect(medianDays([4, 1, 3, 2].map((d) => d * DAY))).toBe(2.5);
    expect(p90Days([4, 1, 3, 2].map((d) => d * DAY))).toBe(3.7);
    expect(p90Days([1, 2, 3].map((d) => d * DAY))).toBe(2.8);
    expect(medianDays([7 * DAY])).toBe(7);
    expect(medianDays([2 * DAY, 2 * DAY, 9 * DAY])).toBe(2);
    expect(quantileDays([], 1, 2)).toBeNull();
    // p90 of 0..10 days is exactly 9: no 8.999999 from (n - 1) * 0.9 in floating point.
    expect(p90Days(Array.from({ length: 11 }, (_, i) => i * DAY))).toBe(9);
  });
});
