import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEvent, type ApplicationUpsertEvent } from './events.js';

const FIXTURES = join(import.meta.dirname, '../../main/testing/fixtures');
const seed = () => JSON.parse(readFileSync(join(FIXTURES, 'seed-example-event.json'), 'utf8')) as Record<string, any>;

function upsert(value: unknown): ApplicationUpsertEvent {
  const parsed = parseEvent(value);
  if (!parsed.ok) throw new Error(parsed.reason);
  if (parsed.event.kind !== 'application.upsert') throw new Error(`got ${parsed.event.kind}`);
  return parsed.event;
}

function reason(value: unknown): string {
  const parsed = parseEvent(value);
  if (parsed.ok) throw new Error('expected a rejection');
  return parsed.reason;
}

describe('parseEvent: the reference example', () => {
  it('reads every model of the corrected example', () => {
    const event = upsert(seed());
    expect(event.applicationId).toBe('lRQ03MnbWBSTKHX');
    expect(event.models.info?.candidate?.firstName).toBe('ABC');
    expect(event.models.info?.candidate?.phones).toHaveLength(2);
    expect(event.models.currentStage).toEqual({ id: 'JLUnI5TFKWbhQ1k', text: 'Technical Test' });
    expect(event.models.interviews?.[0]?.interviewers).toHaveLength(3);
    expect(event.models.offers?.map((o) => o.status)).toEqual(['SIGNED', 'DENIED']);
    expect(event.models.attachments?.[1]?.content?.encoding).toBe('BASE64');
    expect(event.raw.info).toEqual(seed().eventData.info);
  });

  it('reads COMPLETED as the documented COMPLETE', () => {
    expect(upsert(seed()).models.interviews?.[0]?.status).toBe('COMPLETE');
  });

  it('reads epoch-zero placeholder dates as unknown', () => {
    const event = upsert(seed());
    expect(event.models.info?.appliedAt).toBeNull();
    expect(event.models.interviews?.[0]?.scheduledStart).toBeNull();
  });

  it('normalises real dates to ISO-8601 UTC, and epoch milliseconds too', () => {
    const value = seed();
    value.eventData.info.appliedAt = '2026-03-01T10:00:00+01:00';
    value.eventData.info.updatedAt = 1772366400000;
    const info = upsert(value).models.info!;
    expect(info.appliedAt).toBe('2026-03-01T09:00:00.000Z');
    expect(info.updatedAt).toBe(new Date(1772366400000).toISOString());
  });
});

describe('parseEvent: messy but understood', () => {
  it('reads phones sent as one object', () => {
    const value = seed();
    value.eventData.info.candidate.phones = { type: 'WORK', phoneNumber: '+44 20 7946 0958' };
    expect(upsert(value).models.info?.candidate?.phones).toEqual([{ type: 'WORK', phoneNumber: '+44 20 7946 0958' }]);
  });

  it('keeps unknown enum values raw and folds case of known ones', () => {
    const value = seed();
    value.eventData.info.status = 'ON_HOLD';
    value.eventData.info.origin = 'referral';
    value.eventData.offers[0].status = 'Pending Approval';
    const event = upsert(value);
    expect(event.models.info?.status).toBe('ON_HOLD');
    expect(event.models.info?.origin).toBe('REFERRAL');
    expect(event.models.offers?.[0]?.status).toBe('Pending Approval');
  });

  it('takes an empty rejection object as not rejected', () => {
    const value = seed();
    value.eventData.rejection = {};
    expect(upsert(value).models.rejection).toBeNull();
  });

  it('leaves absent models absent (partial events)', () => {
    const event = upsert({ eventId: 'e1', eventType: 'record.modified', recordId: 'a1', eventData: { currentStage: { id: 's', text: 'Offer' } } });
    expect(Object.keys(event.models)).toEqual(['currentStage']);
    expect(event.raw).toEqual({ currentStage: { id: 's', text: 'Offer' } });
  });

  it('reads record.deleted with its ids', () => {
    const parsed = parseEvent({ eventId: 'd1', eventType: 'record.deleted', recordId: 'a1', eventData: { applicationId: 'a1', candidateId: 'c1', jobId: 'j1' } });
    expect(parsed).toMatchObject({ ok: true, event: { kind: 'application.deleted', applicationId: 'a1', candidateId: 'c1', jobId: 'j1' } });
  });

  it('reads sync run events with counts and epoch-millisecond times', () => {
    const parsed = parseEvent({
      eventId: 's1',
      eventType: 'sync.events.processed',
      syncRunId: 'sr1',
      eventData: { status: 'processed', processed: '12', emitted: 10, startedAt: '1676292064383', processedAt: '1676292068616', complete: true },
    });
    expect(parsed).toMatchObject({
      ok: true,
      event: { kind: 'sync.run', processed: 12, emitted: 10, startedAt: '2023-02-13T12:41:04.383Z', complete: true, syncRunId: 'sr1' },
    });
  });

  it('reads ats_jobs events with ordered stages', () => {
    const parsed = parseEvent({
      eventId: 'j1',
      eventType: 'record.new',
      syncDataType: 'ats_jobs',
      recordId: 'job1',
      eventData: { info: { id: 'job1', title: 'Data Analyst', status: 'OPEN' }, stages: [{ id: 's1', text: 'Screen' }, { id: 's2', name: 'Onsite' }] },
    });
    expect(parsed).toMatchObject({ ok: true, event: { kind: 'job.upsert', jobId: 'job1', models: { stages: [{ text: 'Screen' }, { text: 'Onsite' }] } } });
  });
});

describe('parseEvent: broken events are rejected with a reason', () => {
  it('needs an object', () => {
    expect(reason([1, 2])).toMatch(/must be a JSON object, got a list/);
  });

  it('names each missing envelope field', () => {
    expect(reason({ eventType: 'record.new', eventData: {} })).toMatch(/eventId is missing/);
    expect(reason({ eventId: 'x', eventData: {} })).toMatch(/eventType is missing/);
    expect(reason({ eventId: 'x', eventType: 'record.new' })).toMatch(/eventData is missing/);
    expect(reason({ eventId: 'x', eventType: 'record.new', eventData: 'oops' })).toMatch(/eventData must be an object/);
  });

  it('needs an application id', () => {
    expect(reason({ eventId: 'x', eventType: 'record.modified', eventData: { currentStage: { text: 'Offer' } } })).toMatch(
      /^recordId and eventData.info.id are both missing: cannot tell which application this is$/,
    );
  });

  it('refuses a recordId that contradicts info.id', () => {
    const value = seed();
    value.recordId = 'other';
    expect(reason(value)).toMatch(/"other" does not match eventData.info.id "lRQ03MnbWBSTKHX"/);
  });

  it('refuses unknown event types and data types', () => {
    expect(reason({ eventId: 'x', eventType: 'record.exploded', recordId: 'a', eventData: {} })).toMatch(/unknown event type "record.exploded"/);
    expect(reason({ eventId: 'x', eventType: 'record.new', syncDataType: 'hris_employees', recordId: 'a', eventData: { info: {} } })).toMatch(
      /unsupported data type "hris_employees"/,
    );
  });

  it('says where a model has the wrong shape', () => {
    const value = seed();
    value.eventData.interviews = 'tomorrow';
    expect(reason(value)).toMatch(/^eventData.interviews: expected a list, got text \(8 characters\)/);
    const other = seed();
    other.eventData.offers = [42];
    expect(reason(other)).toMatch(/eventData.offers\[0\]: expected an offer object, got a number/);
  });

  it('refuses a record event with no models at all', () => {
    expect(reason({ eventId: 'x', eventType: 'record.new', recordId: 'a', eventData: { foo: 1 } })).toMatch(/has none of the application models/);
  });
});
