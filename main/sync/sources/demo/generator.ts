/** The demo's events: the jobs, then the applications, then the sync run that delivered them. */
import type { SourceItem } from '../../types.js';
import { buildApplication } from './application.js';
import { NOW } from './calendar.js';
import { pad } from './format.js';
import { buildWorld } from './world.js';

export interface DemoOptions {
  count: number;
  seed: string | number;
}

export const DEMO_DEFAULT_COUNT = 500;

function* generate(count: number, seedKey: string): Generator<Record<string, unknown>> {
  const world = buildWorld(seedKey);
  const tag = `demo_${world.seedHash}`;
  for (const [i, job] of world.jobs.entries()) {
    yield {
      eventId: `ev_${tag}_job_${pad(i + 1, 4)}`,
      eventType: 'record.new',
      eventData: job.event,
      syncType: 'initial_sync',
      syncDataType: 'ats_jobs',
      syncJobId: `sj_${tag}_jobs`,
      syncRunId: `sr_${tag}_jobs_1`,
      recordId: job.id,
    };
  }
  for (let i = 0; i < count; i++) {
    const eventData = buildApplication(world, seedKey, i);
    yield {
      eventId: `ev_${tag}_app_${pad(i + 1, 6)}`,
      eventType: 'record.new',
      eventData,
      syncType: 'initial_sync',
      syncDataType: 'ats_applications',
      syncJobId: `sj_${tag}_applications`,
      syncRunId: `sr_${tag}_applications_1`,
      recordId: (eventData.info as { id: string }).id,
    };
  }
  yield {
    eventId: `ev_${tag}_sync_applications_1`,
    eventType: 'sync.events.processed',
    eventData: {
      status: 'processed',
      processed: count,
      emitted: count,
      startedAt: String(NOW),
      processedAt: String(NOW + 1500 + count * 4),
      complete: true,
    },
    syncType: 'initial_sync',
    syncDataType: 'ats_applications',
    syncJobId: `sj_${tag}_applications`,
    syncRunId: `sr_${tag}_applications_1`,
  };
}

/**
 * Yields raw upstream events: first one `ats_jobs` record.new per job, then `count`
 * ats_applications record.new events, then one `sync.events.processed` event for the
 * applications run. Same options -> byte-identical events (eventIds included).
 * Application i depends only on (seed, i), so a smaller count gives a prefix of a larger one.
 * Options are checked when called, not at the first `next()`.
 */
export function demoEvents(options: DemoOptions): Generator<Record<string, unknown>> {
  const { count, seed } = options;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) {
    throw new RangeError(`demo count must be a whole number of 0 or more, got ${String(count)}`);
  }
  return generate(count, String(seed));
}

/** The demo as source items for the import pipeline, named `demo:<n>` for error reports. */
export function* demoSourceItems(options: DemoOptions): Generator<SourceItem> {
  let n = 0;
  for (const value of demoEvents(options)) yield { source: `demo:${++n}`, value };
}
