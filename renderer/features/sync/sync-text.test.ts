import { describe, expect, it } from 'vitest';
import type { SyncRun, SyncState } from '../../../shared/api/sync';
import { defaultSyncSource } from './sync-slice';
import { syncSummary } from './sync-text';

const now = Date.parse('2026-11-25T12:00:00Z');
const counts = { received: 500, applied: 500, duplicates: 0, stale: 0, deleted: 0, rejected: 0, suppressed: 0 };
const run = (over: Partial<SyncRun> = {}): SyncRun => ({
  id: 1,
  source: 'demo',
  startedAt: '2026-11-25T11:56:00Z',
  finishedAt: '2026-11-25T11:57:00Z',
  error: null,
  ...counts,
  ...over,
});
const state = (over: Partial<SyncState> = {}): SyncState => ({ running: null, last: null, receiver: { url: null, error: null }, ...over });
const text = (input: Partial<Parameters<typeof syncSummary>[0]>) =>
  syncSummary({ state: null, starting: false, actionError: null, stateError: null, now, locale: 'en', ...input }).text;

describe('the top bar sync status', () => {
  it('counts events while a sync runs', () => {
    const running = { ...counts, received: 1200, id: 2, source: 'demo', startedAt: '2026-11-25T11:59:00Z' };
    expect(text({ state: state({ running, last: run() }) })).toBe('Syncing… 1,200 events');
    expect(text({ starting: true, state: state() })).toBe('Syncing…');
  });

  it('says when the last sync finished and what it applied', () => {
    expect(text({ state: state({ last: run() }) })).toBe('Synced 3 minutes ago · 500 applied');
    expect(text({ state: state({ last: run({ rejected: 2, applied: 498 }) }) })).toBe('Synced 3 minutes ago · 498 applied · 2 rejected');
    expect(text({ state: state({ last: run({ applied: 0, duplicates: 500 }) }) })).toBe('Synced 3 minutes ago · no changes');
    expect(text({ state: state({ last: run({ applied: 0, deleted: 1 }) }) })).toBe('Synced 3 minutes ago · 1 deleted');
  });

  it('says why a sync failed', () => {
    expect(text({ state: state({ last: run({ error: 'feed answered 401' }) }) })).toBe('Sync failed: feed answered 401');
    expect(text({ state: state({ last: run() }), actionError: 'a sync is already running' })).toBe('Sync failed: a sync is already running');
  });

  it('has something to say before any sync', () => {
    expect(text({ state: state() })).toBe('Not synced yet');
    expect(text({})).toBe('Checking sync…');
  });
});

describe('"Sync now"', () => {
  it('syncs the feed when one is configured, otherwise the demo', () => {
    expect(defaultSyncSource('https://relay.example/feed')).toEqual({ kind: 'feed' });
    expect(defaultSyncSource('  ')).toEqual({ kind: 'demo' });
    expect(defaultSyncSource(undefined)).toEqual({ kind: 'demo' });
  });
});
