/**
 * Retention (issue #9): "Remove closed applications (rejected or hired) after N months",
 * off by default; applied at start and after each sync, with the same physical erasure
 * as `forget` (no suppression: a closed application that comes back open is kept).
 */
import type { ErasureResult, RetentionPreview } from '../../shared/api/privacy.js';
import type { ErasureService } from './erasure.js';

/** The moment `months` calendar months before `now` (the end of a shorter month when the day does not exist). */
export function retentionCutoff(months: number, now: Date): string {
  const cutoff = new Date(now.getTime());
  const day = cutoff.getUTCDate();
  cutoff.setUTCDate(1);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  const lastDay = new Date(Date.UTC(cutoff.getUTCFullYear(), cutoff.getUTCMonth() + 1, 0)).getUTCDate();
  cutoff.setUTCDate(Math.min(day, lastDay));
  return cutoff.toISOString();
}

export class Retention {
  constructor(
    private readonly erasure: ErasureService,
    private readonly months: () => number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  preview(months: number): RetentionPreview {
    const before = retentionCutoff(months, this.now());
    return { ...this.erasure.planPurge(before), before };
  }

  /** Erases what the setting says is past keeping; null when retention is off. */
  apply(): ErasureResult | null {
    const months = this.months();
    if (months <= 0) return null;
    return this.erasure.purge(retentionCutoff(months, this.now()));
  }
}
