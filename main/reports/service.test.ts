import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '../db/open.js';
import { SyncPipeline } from '../sync/apply.js';
import { applicationEvent, deletedEvent, jobEvent, mail } from '../testing/events.js';
import { tempDb, tempDir, type TempDir } from '../testing/temp.js';
import { ReportService } from './service.js';

// Every figure below was worked out by hand from this fixture (see the comments), not by the code under test.
const ANA = mail('ana');
const BEN = mail('ben');
const CARA = mail('cara');
const NOW = new Date('2026-03-01T00:00:00.000Z');

interface Spec {
  id: string;
  jobId: string;
  stage: { id?: string; text: string } | null;
  status: string;
  origin: string | null;
  appliedAt: string;
  interviews?: { status: string; start: string; interviewers: { id: string; email?: string }[] }[];
  offers?: { status: string; sentAt?: string; closedAt?: string }[];
}

function application(spec: Spec): Record<string, unknown> {
  const event = applicationEvent({ id: spec.id, jobId: spec.jobId, status: spec.status, origin: spec.origin, appliedAt: spec.appliedAt });
  const data = event.eventData as Record<string, unknown>;
  data.currentStage = spec.stage ?? {};
  data.interviews = (spec.interviews ?? []).map((interview, i) => ({
    id: `${spec.id}_i${i}`,
    subject: 'Interview',
    status: interview.status,
    scheduledStart: interview.start,
    interviewers: interview.interviewers,
  }));
  data.offers = (spec.offers ?? []).map((offer, i) => ({ id: `${spec.id}_o${i}`, ...offer }));
  return event;
}

const a = { id: 'u_a', email: ANA };
const b = { id: 'u_b', email: BEN };
const c = { id: 'u_cc', email: CARA };
const idOnly = { id: 'u_c' };
const SCREEN = { id: 'job_e_s0', text: 'Screen' };
const ONSITE = { id: 'job_e_s1', text: 'Onsite' };
const OFFER = { id: 'job_e_s2', text: 'Offer' };

let dir: TempDir;
let db: Db;
let reports: ReportService;

beforeAll(() => {
  dir = tempDir();
  db = tempDb(dir);
  const events = [
    jobEvent('job_e', 'Engineer', ['Screen', 'Onsite', 'Offer']),
    jobEvent('job_s', 'Sales', ['Call', 'Offer']),
    // One interview with three interviewers (ana listed twice counts once), upcoming (after NOW).
    application({ id: 'e1', jobId: 'job_e', stage: SCREEN, status: 'ACTIVE', origin: 'EXTERNAL', appliedAt: '2026-01-01T00:00:00Z',
      interviews: [{ status: 'SCHEDULED', start: '2026-03-10T10:00:00Z', interviewers: [a, b, idOnly, a] }] }),
    application({ id: 'e2', jobId: 'job_e', stage: ONSITE, status: 'ACTIVE', origin: 'REFERRAL', appliedAt: '2026-01-02T00:00:00Z',
      interviews: [
        { status: 'COMPLETED', start: '2026-02-01T10:00:00Z', interviewers: [a] },
        { status: 'CANCELLED', start: '2026-02-02T10:00:00Z', interviewers: [b] },
      ] }),
    // Offers: denied after 2 days, signed after 11.5 days; hired 30.5 days after applying.
    application({ id: 'e3', jobId: 'job_e', stage: OFFER, status: 'HIRED', origin: 'EXTERNAL', appliedAt: '2026-01-01T00:00:00Z',
      interviews: [{ status: 'awaiting feedback', start: '2026-02-05T10:00:00Z', interviewers: [a] }],
      offers: [
        { status: 'DENIED', sentAt: '2026-01-10T00:00:00Z', closedAt: '2026-01-12T00:00:00Z' },
        { status: 'SIGNED', sentAt: '2026-01-20T00:00:00Z', closedAt: '2026-01-31T12:00:00Z' },
      ] }),
    // Two signed offers (10 and 9 days); the latest (closed 02-10) counts: 36 days.
    application({ id: 'e4', jobId: 'job_e', stage: OFFER, status: 'HIRED', origin: 'AGENCY', appliedAt: '2026-01-05T00:00:00Z',
      offers: [
        { status: 'SIGNED', sentAt: '2026-01-25T00:00:00Z', closedAt: '2026-02-04T00:00:00Z' },
        { status: 'SIGNED', sentAt: '2026-02-01T00:00:00Z', closedAt: '2026-02-10T00:00:00Z' },
      ] }),
    // Signed with no sentAt: not measured for closing, 30 days to hire.
    application({ id: 'e5', jobId: 'job_e', stage: OFFER, status: 'HIRED', origin: 'EXTERNAL', appliedAt: '2026-01-10T00:00:00Z',
      offers: [{ status: 'SIGNED', closedAt: '2026-02-09T00:00:00Z' }] }),
    // Hired without a signed offer: not measured. Only a cancelled interview: not interviewed.
    application({ id: 'e6', jobId: 'job_e', stage: OFFER, status: 'HIRED', origin: 'EXTERNAL', appliedAt: '2026-01-10T00:00:00Z',
      interviews: [{ status: 'CANCELLED', start: '2026-02-06T10:00:00Z', interviewers: [c] }],
      offers: [{ status: 'IN_PROGRESS', sentAt: '2026-02-01T00:00:00Z' }] }),
    // Unknown enum values everywhere, a stage the job's order does not know.
    application({ id: 'e7', jobId: 'job_e', stage: { id: 'st_limbo', text: 'Limbo' }, status: 'ON_HOLD', origin: 'JOB_FAIR', appliedAt: '2026-01-15T00:00:00Z',
      interviews: [{ status: 'PHONE_SCREEN', start: '2026-02-03T10:00:00Z', interviewers: [a] }],
      offers: [{ status: 'RESCINDED', sentAt: '2026-01-20T00:00:00Z', closedAt: '2026-01-21T00:00:00Z' }] }),
    application({ id: 'e8', jobId: 'job_s', stage: { id: 'job_s_s0', text: 'Call' }, status: 'ACTIVE', origin: null, appliedAt: '2026-01-03T00:00:00Z',
      interviews: [{ status: 'SCHEDULED', start: '2026-01-20T10:00:00Z', interviewers: [b] }] }),
    // Closed 1.25 days after sending; hired 5.25 days after applying.
    application({ id: 'e9', jobId: 'job_s', stage: { id: 'job_s_s1', text: 'Offer' }, status: 'HIRED', origin: 'REFERRAL', appliedAt: '2026-01-01T00:00:00Z',
      offers: [{ status: 'SIGNED', sentAt: '2026-01-05T00:00:00Z', closedAt: '2026-01-06T06:00:00Z' }] }),
    // A job never synced, no current stage, an offer with no dates.
    application({ id: 'e10', jobId: 'job_x', stage: null, status: 'ACTIVE', origin: 'EXTERNAL', appliedAt: '2026-01-04T00:00:00Z',
      offers: [{ status: 'DEPRECATED' }] }),
    // 30 days to hire: a tie with e5.
    application({ id: 'e11', jobId: 'job_e', stage: OFFER, status: 'HIRED', origin: 'EXTERNAL', appliedAt: '2026-01-10T00:00:00Z',
      offers: [{ status: 'SIGNED', closedAt: '2026-02-09T00:00:00Z' }] }),
    // Deleted: counted nowhere unless deleted applications are included.
    application({ id: 'd1', jobId: 'job_e', stage: OFFER, status: 'HIRED', origin: 'EXTERNAL', appliedAt: '2026-01-01T00:00:00Z',
      interviews: [{ status: 'COMPLETE', start: '2026-02-01T10:00:00Z', interviewers: [a] }],
      offers: [{ status: 'SIGNED', sentAt: '2026-01-02T00:00:00Z', closedAt: '2026-01-03T00:00:00Z' }] }),
    deletedEvent('d1'),
  ];
  const result = new SyncPipeline(db).applyBatch(events.map((value, i) => ({ source: `t:${i}`, value })));
  expect(result.rejected).toBe(0);
  reports = new ReportService(db, () => NOW);
});
afterAll(() => {
  db.close();
  dir.remove();
});

describe('every report', () => {
  it('states its filters, when it was made and the last sync (the end of the last finished import)', () => {
    const report = reports.report('sources', { status: ['HIRED'], q: undefined });
    expect(report).toMatchObject({ report: 'sources', filters: { status: ['HIRED'] }, generatedAt: '2026-03-01T00:00:00.000Z', lastSyncAt: null });
    expect(Object.keys(report.filters)).toEqual(['status']);
    db.prepare("INSERT INTO imports (source, started_at, finished_at) VALUES ('demo', '2026-02-27T09:00:00.000Z', '2026-02-27T09:01:00.000Z')").run();
    db.prepare("INSERT INTO imports (source, started_at, finished_at) VALUES ('demo', '2026-02-28T09:00:00.000Z', NULL)").run();
    expect(reports.report('pipeline').lastSyncAt).toBe('2026-02-27T09:01:00.000Z');
    db.prepare('DELETE FROM imports').run();
  });
});

describe('pipeline', () => {
  it('is a per-job funnel in stage order, unknown stages and jobs last', () => {
    const report = reports.report('pipeline');
    expect(report.rows).toEqual([
      { jobId: 'job_e', jobTitle: 'Engineer', stageId: 'job_e_s0', stage: 'Screen', position: 1, applications: 1, reached: 7 },
      { jobId: 'job_e', jobTitle: 'Engineer', stageId: 'job_e_s1', stage: 'Onsite', position: 2, applications: 1, reached: 6 },
      { jobId: 'job_e', jobTitle: 'Engineer', stageId: 'job_e_s2', stage: 'Offer', position: 3, applications: 5, reached: 5 },
      { jobId: 'job_e', jobTitle: 'Engineer', stageId: 'st_limbo', stage: 'Limbo', position: null, applications: 1, reached: null },
      { jobId: 'job_s', jobTitle: 'Sales', stageId: 'job_s_s0', stage: 'Call', position: 1, applications: 1, reached: 2 },
      { jobId: 'job_s', jobTitle: 'Sales', stageId: 'job_s_s1', stage: 'Offer', position: 2, applications: 1, reached: 1 },
      { jobId: 'job_x', jobTitle: null, stageId: null, stage: null, position: null, applications: 1, reached: null },
    ]);
    expect(report.total).toEqual({ applications: 11 });
  });

  it('counts what the list shows for the same filters', () => {
    expect(reports.report('pipeline', { job: ['job_s'] }).rows.map((row) => [row.stage, row.applications, row.reached])).toEqual([
      ['Call', 1, 2],
      ['Offer', 1, 1],
    ]);
    expect(reports.report('pipeline', { q: 'nobody-matches-this' })).toMatchObject({ rows: [], total: { applications: 0 } });
  });
});

describe('sources', () => {
  it('rates interviews, offers and hires per origin as received', () => {
    const report = reports.report('sources');
    expect(report.rows).toEqual([
      { origin: 'EXTERNAL', applications: 6, interviewed: 2, offered: 5, hired: 4, interviewRate: 0.3333, offerRate: 0.8333, hireRate: 0.6667 },
      { origin: 'REFERRAL', applications: 2, interviewed: 1, offered: 1, hired: 1, interviewRate: 0.5, offerRate: 0.5, hireRate: 0.5 },
      { origin: 'AGENCY', applications: 1, interviewed: 0, offered: 1, hired: 1, interviewRate: 0, offerRate: 1, hireRate: 1 },
      { origin: 'JOB_FAIR', applications: 1, interviewed: 1, offered: 1, hired: 0, interviewRate: 1, offerRate: 1, hireRate: 0 },
      { origin: null, applications: 1, interviewed: 1, offered: 0, hired: 0, interviewRate: 1, offerRate: 0, hireRate: 0 },
    ]);
    expect(report.total).toEqual({ applications: 11, interviewed: 5, offered: 8, hired: 6, interviewRate: 0.4545, offerRate: 0.7273, hireRate: 0.5455 });
  });

  it('counts deleted applications only when asked', () => {
    const report = reports.report('sources', { includeDeleted: true });
    expect(report.rows[0]).toEqual({ origin: 'EXTERNAL', applications: 7, interviewed: 3, offered: 6, hired: 5, interviewRate: 0.4286, offerRate: 0.8571, hireRate: 0.7143 });
    expect(report.filters).toEqual({ includeDeleted: true });
  });
});

describe('interviewers', () => {
  it('counts an interview once for each of its interviewers, by email else id, upcoming after generatedAt', () => {
    const report = reports.report('interviewers');
    expect(report.rows).toEqual([
      { interviewer: ANA, interviews: 4, scheduled: 1, awaitingFeedback: 1, complete: 1, cancelled: 0, other: 1, upcoming: 1 },
      { interviewer: BEN, interviews: 3, scheduled: 2, awaitingFeedback: 0, complete: 0, cancelled: 1, other: 0, upcoming: 1 },
      { interviewer: CARA, interviews: 1, scheduled: 0, awaitingFeedback: 0, complete: 0, cancelled: 1, other: 0, upcoming: 0 },
      { interviewer: 'u_c', interviews: 1, scheduled: 1, awaitingFeedback: 0, complete: 0, cancelled: 0, other: 0, upcoming: 1 },
    ]);
    expect(report.total).toEqual({ interviews: 9, scheduled: 4, awaitingFeedback: 1, complete: 1, cancelled: 2, other: 1, upcoming: 3 });
    expect(report.interviewLoad).toEqual([
      { week: '2026-01-19', interviews: 1 },
      { week: '2026-01-26', interviews: 1 },
      { week: '2026-02-02', interviews: 4 },
      { week: '2026-03-09', interviews: 3 },
    ]);
  });

  it('counts only the interviews of the applications the filters match', () => {
    const report = reports.report('interviewers', { job: ['job_s'] });
    expect(report.rows).toEqual([{ interviewer: BEN, interviews: 1, scheduled: 1, awaitingFeedback: 0, complete: 0, cancelled: 0, other: 0, upcoming: 0 }]);
    expect(report.interviewLoad).toEqual([{ week: '2026-01-19', interviews: 1 }]);
  });

  it('has nothing upcoming once the interviews have passed', () => {
    const later = new ReportService(db, () => new Date('2026-04-01T00:00:00Z')).report('interviewers');
    expect(later.total.upcoming).toBe(0);
    expect(later.total.scheduled).toBe(4);
  });
});

describe('offers', () => {
  it('counts offers per job with acceptance and the median days to close', () => {
    const report = reports.report('offers');
    expect(report.rows).toEqual([
      // Closes measured: 1, 2, 9, 10, 11.5 days -> 9. Signed 5, denied 1 -> 5/6.
      { jobId: 'job_e', jobTitle: 'Engineer', offers: 8, inProgress: 1, signed: 5, denied: 1, deprecated: 0, other: 1, acceptanceRate: 0.8333, medianDaysToClose: 9 },
      { jobId: 'job_s', jobTitle: 'Sales', offers: 1, inProgress: 0, signed: 1, denied: 0, deprecated: 0, other: 0, acceptanceRate: 1, medianDaysToClose: 1.25 },
      { jobId: 'job_x', jobTitle: null, offers: 1, inProgress: 0, signed: 0, denied: 0, deprecated: 1, other: 0, acceptanceRate: null, medianDaysToClose: null },
    ]);
    // 1, 1.25, 2, 9, 10, 11.5 -> (2 + 9) / 2.
    expect(report.total).toEqual({ offers: 10, inProgress: 1, signed: 6, denied: 1, deprecated: 1, other: 1, acceptanceRate: 0.8571, medianDaysToClose: 5.5 });
  });
});

describe('time to hire', () => {
  it('measures hires with a signed, closed offer: median and p90 between closest ranks', () => {
    const report = reports.report('time-to-hire');
    expect(report.rows).toEqual([
      // 30, 30, 30.5, 36: median (30 + 30.5) / 2; p90 at rank 2.7: 30.5 + 0.7 * 5.5.
      { jobId: 'job_e', jobTitle: 'Engineer', hired: 5, measured: 4, medianDays: 30.25, p90Days: 34.35 },
      { jobId: 'job_s', jobTitle: 'Sales', hired: 1, measured: 1, medianDays: 5.25, p90Days: 5.25 },
    ]);
    // 5.25, 30, 30, 30.5, 36: median 30; p90 at rank 3.6: 30.5 + 0.6 * 5.5.
    expect(report.total).toEqual({ hired: 6, measured: 5, medianDays: 30, p90Days: 33.8 });
  });

  it('is null where nothing is measured', () => {
    const report = reports.report('time-to-hire', { origin: ['AGENCY', 'REFERRAL'], job: ['job_e'] });
    expect(report.rows).toEqual([{ jobId: 'job_e', jobTitle: 'Engineer', hired: 1, measured: 1, medianDays: 36, p90Days: 36 }]);
    const none = reports.report('time-to-hire', { status: ['ACTIVE'] });
    expect(none).toMatchObject({ rows: [], total: { hired: 0, measured: 0, medianDays: null, p90Days: null } });
  });
});

describe('at scale', () => {
  it('counts pipeline and sources from the covering report index, reading no application rows', () => {
    const statements: string[] = [];
    const prepare = db.prepare.bind(db);
    const spy = vi.spyOn(db, 'prepare').mockImplementation(((source: string) => {
      statements.push(source);
      return prepare(source);
    }) as typeof db.prepare);
    try {
      reports.report('pipeline');
      reports.report('sources');
    } finally {
      spy.mockRestore();
    }
    const plans = statements
      .filter((sql) => sql.includes('WITH m AS'))
      .map((sql) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((row) => row.detail));
    expect(plans).toHaveLength(2);
    for (const plan of plans) {
      expect(plan).toContain('SEARCH a USING COVERING INDEX applications_reports (deleted=?)');
      expect(plan.join(' | ')).not.toMatch(/SCAN a\b|USING INDEX applications_by/);
    }
  });
});
