/** The one-line sync state of the top bar. */
import type { SyncState } from '../../../shared/api/sync';
import { formatCount, formatRelative } from '../../ui/format';

export type SyncTone = 'idle' | 'running' | 'ok' | 'failed';

export interface SyncSummaryInput {
  state: SyncState | null;
  starting: boolean;
  /** Why the last start was refused. */
  actionError: string | null;
  /** Why the state could not be read. */
  stateError: string | null;
  now: number;
  locale?: string;
}

export function syncSummary(input: SyncSummaryInput): { text: string; tone: SyncTone } {
  const { state, locale } = input;
  if (input.actionError !== null) return { text: `Sync failed: ${input.actionError}`, tone: 'failed' };
  if (state?.running) return { text: `Syncing… ${formatCount(state.running.received, locale)} events`, tone: 'running' };
  if (input.starting) return { text: 'Syncing…', tone: 'running' };
  if (state === null) {
    return input.stateError === null ? { text: 'Checking sync…', tone: 'idle' } : { text: 'Sync status unavailable', tone: 'failed' };
  }
  const last = state.last;
  if (last === null) return { text: 'Not synced yet', tone: 'idle' };
  if (last.error !== null) return { text: `Sync failed: ${last.error}`, tone: 'failed' };
  const when = formatRelative(last.finishedAt ?? last.startedAt, input.now, locale);
  const changes =
    last.applied > 0
      ? `${formatCount(last.applied, locale)} applied`
      : last.deleted > 0
        ? `${formatCount(last.deleted, locale)} deleted`
        : 'no changes';
  const rejected = last.rejected > 0 ? ` · ${formatCount(last.rejected, locale)} rejected` : '';
  return { text: `Synced ${when} · ${changes}${rejected}`, tone: 'ok' };
}
