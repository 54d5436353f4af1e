import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncPipeline } from '../../sync/apply.js';
import { applicationEvent, deletedEvent, jobEvent, mail } from '../../testing/events.js';
import { tempDb, tempDir, type TempDir } from '../../testing/temp.js';
import type { Db } from '../open.js';
import { BrowseQueries, ftsQuery } from './browse.js';

let dir: TempDir;
let db: Db;
let browse: BrowseQueries;

beforeAll(() => {
  dir = tempDir();
  db = tempDb(dir);
  const events = [
    jobEvent('job_1', 'Backend Engineer', ['Screen', 'Onsite', 'Offer']),
    jobEvent('job_2', 'Account Executive'),
    applicationEvent({ id: 'a1', first: 'Zoë', last: 'Müller', status: 'ACTIVE', stage: 'Screen', updatedAt: '2026-02-05T00:00:00Z', appliedAt: '2026-01-05T00:00:00Z', phone: '+49 30 1234-5678' }),
    applicationEvent({ id: 'a2', first: 'Łukasz', last: 'Nowak', status: 'REJECTED', stage: 'Onsite', updatedAt: '2026-02-04T00:00:00Z', appliedAt: '2026-01-20T00:00:00Z', rejection: 'Relocation not possible' }),
    applicationEvent({ id: 'a3', first: 'Amara', last: 'Okafor', status: 'HIRED', stage: 'Offer', origin: 'REFERRAL', jobId: 'job_2', updatedAt: '2026-02-03T00:00:00Z', appliedAt: '2026-01-31T23:00:00Z', owner: { id: 'u_2', email: mail('owner2') }, interviewSubject: 'Panel with sales leadership' }),
    applicationEvent({ id: 'a4', first: 'José', last: 'García', status: 'ON_HOLD', stage: 'Screen', updatedAt: '2026-02-03T00:00:00Z', appliedAt: '2026-02-01T00:00:00Z', attachmentName: 'Jose_Garcia_Resume.pdf' }),
    applicationEvent({ id: 'a5', first: 'Mei', last: 'Chen', status: 'ACTIVE', stage: 'Screen', jobId: 'job_unknown', updatedAt: '2026-02-01T00:00:00Z', owner: { id: 'u_3' } }),
    applicationEvent({ id: 'a6', first: 'Gone', last: 'Away', stage: 'Screen' }),
    deletedEvent('a6'),
  ];
  new SyncPipeline(db).applyBatch(events.map((value, i) => ({ source: `t:${i}`, value })));
  browse = new BrowseQueries(db);
});
afterAll(() => {
  db.close();
  dir.remove();
});

const ids = (query: Parameters<BrowseQueries['list']>[0]) => browse.list(query).items.map((item) => item.id);

describe('listing applications', () => {
  it('gives the DESIGN row shape, newest update first, then id', () => {
    const result = browse.list({});
    expect(result.total).toBe(5);
    expect(result.items.map((i) => i.id)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5']);
    expect(result.items[0]).toEqual({
      id: 'a1',
      candidateId: 'cand_a1',
      candidateName: 'Zoë Müller',
      email: mail('a1', 'mail.example'),
      jobId: 'job_1',
      jobTitle: 'Backend Engineer',
      stage: 'Screen',
      status: 'ACTIVE',
      origin: 'EXTERNAL',
      owner: mail('owner1'),
      appliedAt: '2026-01-05T00:00:00.000Z',
      updatedAt: '2026-02-05T00:00:00.000Z',
    });
    expect(result.items.find((i) => i.id === 'a5')).toMatchObject({ jobTitle: null, owner: 'u_3' });
  });

  it('filters by status (several), stage, origin, job and owner (email or id)', () => {
    expect(ids({ status: ['ACTIVE'] })).toEqual(['a1', 'a5']);
    expect(ids({ status: ['HIRED', 'ON_HOLD'] })).toEqual(['a3', 'a4']);
    expect(ids({ stage: ['Screen'] })).toEqual(['a1', 'a4', 'a5']);
    expect(ids({ origin: ['REFERRAL'] })).toEqual(['a3']);
    expect(ids({ job: ['job_2'] })).toEqual(['a3']);
    expect(ids({ owner: [mail('owner2')] })).toEqual(['a3']);
    expect(ids({ owner: ['u_2'] })).toEqual(['a3']);
    expect(ids({ status: ['ACTIVE'], stage: ['Screen'], job: ['job_1'] })).toEqual(['a1']);
    expect(browse.list({ status: ['NOPE'] })).toEqual({ total: 0, items: [] });
  });

  it('filters by applied date, a bare end day being inclusive', () => {
    expect(ids({ appliedFrom: '2026-01-20', appliedTo: '2026-01-31' })).toEqual(['a2', 'a3']);
    expect(ids({ appliedFrom: '2026-02-01' })).toEqual(['a4']);
  });

  it('hides deleted applications unless asked, and then says when', () => {
    expect(ids({})).not.toContain('a6');
    const all = browse.list({ includeDeleted: true });
    expect(all.total).toBe(6);
    expect(all.items.find((i) => i.id === 'a6')?.deletedAt).toMatch(/^\d{4}-/);
    expect(all.items.find((i) => i.id === 'a1')).not.toHaveProperty('deletedAt');
  });

  it('sorts by each column both ways, ties by id', () => {
    expect(ids({ sort: 'candidateName' })).toEqual(['a3', 'a4', 'a2', 'a5', 'a1']);
    expect(ids({ sort: 'candidateName', order: 'desc' })).toEqual(['a1', 'a5', 'a2', 'a4', 'a3']);
    expect(ids({ sort: 'updatedAt', order: 'asc' })).toEqual(['a5', 'a3', 'a4', 'a2', 'a1']);
    expect(ids({ sort: 'appliedAt' })).toEqual(['a4', 'a3', 'a2', 'a5', 'a1']);
    expect(ids({ sort: 'status' })).toEqual(['a1', 'a5', 'a3', 'a4', 'a2']);
    expect(ids({ sort: 'jobTitle' })).toEqual(['a5', 'a3', 'a1', 'a2', 'a4']);
    expect(ids({ sort: 'id', order: 'desc' })).toEqual(['a5', 'a4', 'a3', 'a2', 'a1']);
  });

  it('pages with limit and offset; total ignores them', () => {
    expect(browse.list({ limit: 2, offset: 0 }).items.map((i) => i.id)).toEqual(['a1', 'a2']);
    expect(browse.list({ limit: 2, offset: 4 })).toMatchObject({ total: 5, items: [expect.objectContaining({ id: 'a5' })] });
    expect(browse.list({ limit: 2, offset: 10 })).toEqual({ total: 5, items: [] });
  });

  it('searches names, emails, phones, stage, interviews, rejection and attachment names by prefix, accents folded', () => {
    expect(ids({ q: 'zoe' })).toEqual(['a1']);
    expect(ids({ q: 'mull' })).toEqual(['a1']);
    expect(ids({ q: 'lukasz' })).toEqual(['a2']);
    expect(ids({ q: mail('a3', 'mail') })).toEqual(['a3']);
    expect(ids({ q: '1234' })).toEqual(['a1']);
    expect(ids({ q: '3012345678' })).toEqual(['a1']);
    expect(ids({ q: 'relocation' })).toEqual(['a2']);
    expect(ids({ q: 'panel sales' })).toEqual(['a3']);
    expect(ids({ q: 'resume' })).toEqual(['a4']);
    expect(ids({ q: 'onsite' })).toEqual(['a2']);
    expect(ids({ q: 'nobody-like-this' })).toEqual([]);
  });

  it('treats search syntax as plain words', () => {
    expect(ftsQuery('AND OR "x" NEAR(a b) col:val')).toBe('"AND"* "OR"* "x"* "NEAR"* "a"* "b"* "col"* "val"*');
    expect(ftsQuery('  --  ')).toBeNull();
    expect(browse.list({ q: '"unbalanced' }).total).toBe(0);
    expect(ids({ q: '!!!' })).toHaveLength(5);
  });

  it('ranks by relevance when asked, in pages and in exports', () => {
    expect(ids({ q: 'screen', sort: 'relevance' })).toHaveLength(3);
    expect(browse.list({ q: 'screen', sort: 'relevance', status: ['ACTIVE'] }).items.map((i) => i.id).sort()).toEqual(['a1', 'a5']);
    expect([...browse.iterate({ q: 'screen', sort: 'relevance', status: ['ACTIVE'] })].map((i) => i.id).sort()).toEqual(['a1', 'a5']);
  });

  it('streams every matching row in list order for exports', () => {
    expect([...browse.iterate({ status: ['ACTIVE', 'HIRED'] })].map((i) => i.id)).toEqual(['a1', 'a3', 'a5']);
  });
});

describe('facets', () => {
  it('counts each facet under the other filters, with job titles as labels', () => {
    const facets = browse.facets({ status: ['ACTIVE'] });
    expect(facets.status).toEqual([
      { value: 'ACTIVE', label: 'ACTIVE', count: 2 },
      { value: 'HIRED', label: 'HIRED', count: 1 },
      { value: 'ON_HOLD', label: 'ON_HOLD', count: 1 },
      { value: 'REJECTED', label: 'REJECTED', count: 1 },
    ]);
    expect(facets.stage).toEqual([{ value: 'Screen', label: 'Screen', count: 2 }]);
    expect(facets.job).toEqual([
      { value: 'job_1', label: 'Backend Engineer', count: 1 },
      { value: 'job_unknown', label: null, count: 1 },
    ]);
    expect(facets.owner.map((o) => o.value)).toEqual([mail('owner1'), 'u_3']);
  });
});

describe('query plans', () => {
  const plan = (sql: string, ...params: unknown[]) =>
    (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail).join('\n');

  it('pages the default list through a covering index, with no sort step', () => {
    const detail = plan('SELECT a.pk FROM applications a WHERE a.deleted = 0 ORDER BY a.updated_at DESC, a.id LIMIT 50 OFFSET 100');
    expect(detail).toMatch(/COVERING INDEX applications_by_updated/);
    expect(detail).not.toMatch(/TEMP B-TREE/);
  });

  it('pages a status filter through its own covering index', () => {
    const detail = plan("SELECT a.pk FROM applications a WHERE a.deleted = 0 AND a.status = 'ACTIVE' ORDER BY a.updated_at DESC, a.id LIMIT 50");
    expect(detail).toMatch(/COVERING INDEX applications_by_status/);
    expect(detail).not.toMatch(/TEMP B-TREE/);
  });
});

describe('facets under every combination of filters', () => {
  it('equal one GROUP BY per facet with every filter but its own', () => {
    const cases = [
      {},
      { status: ['ACTIVE'] },
      { status: ['ACTIVE', 'HIRED'], stage: ['Screen'] },
      { job: ['job_1'], origin: ['EXTERNAL'] },
      { owner: ['u_2'] },
      { owner: [mail('owner1')], q: 'screen' },
      { includeDeleted: true, appliedFrom: '2026-01-06' },
    ];
    const columns = { status: 'status', stage: 'stage', origin: 'origin', job: 'job_id', owner: 'owner' } as const;
    for (const filters of cases) {
      const facets = browse.facets(filters);
      for (const [field, column] of Object.entries(columns)) {
        const others = { ...filters, [field]: undefined };
        const expected = new Map<string | null, number>();
        for (const item of browse.iterate(others)) {
          const row = db.prepare(`SELECT ${column} AS v FROM applications WHERE id = ?`).get(item.id) as { v: string | null };
          expected.set(row.v, (expected.get(row.v) ?? 0) + 1);
        }
        const got = new Map(facets[field as keyof typeof columns].map((f) => [f.value, f.count]));
        expect([JSON.stringify(filters), field, got]).toEqual([JSON.stringify(filters), field, expected]);
      }
    }
  });
});

describe('the "not set" choice (null) of a facet filter', () => {
  let own: TempDir;
  let ownDb: Db;
  let q: BrowseQueries;
  beforeAll(() => {
    own = tempDir();
    ownDb = tempDb(own);
    const events = [
      applicationEvent({ id: 'n1', status: 'ACTIVE', owner: null, origin: null }),
      applicationEvent({ id: 'n2', status: 'ACTIVE', owner: { id: 'u_9' }, stage: null }),
      applicationEvent({ id: 'n3', status: 'HIRED', owner: null, stage: 'Offer' }),
      applicationEvent({ id: 'n4', status: 'REJECTED' }),
    ];
    new SyncPipeline(ownDb).applyBatch(events.map((value, i) => ({ source: `n:${i}`, value })));
    q = new BrowseQueries(ownDb);
  });
  afterAll(() => {
    ownDb.close();
    own.remove();
  });
  const found = (filters: Parameters<BrowseQueries['list']>[0]) => q.list(filters).items.map((item) => item.id).sort();

  it('finds the applications where the field is not set, alone or beside values', () => {
    expect(found({ owner: [null] })).toEqual(['n1', 'n3']);
    expect(found({ owner: [null, 'u_9'] })).toEqual(['n1', 'n2', 'n3']);
    expect(found({ owner: [null, mail('owner1')] })).toEqual(['n1', 'n3', 'n4']);
    expect(found({ stage: [null] })).toEqual(['n2']);
    expect(found({ origin: [null] })).toEqual(['n1']);
    expect(found({ origin: [null], owner: [null] })).toEqual(['n1']);
    expect(found({ job: [null] })).toEqual([]);
    expect(q.list({ owner: [null], status: ['HIRED'] }).total).toBe(1);
  });

  it('counts facets under a "not set" filter like under any value', () => {
    const facets = q.facets({ owner: [null] });
    expect(facets.owner).toEqual([
      { value: null, label: null, count: 2 },
      { value: mail('owner1'), label: mail('owner1'), count: 1 },
      { value: 'u_9', label: 'u_9', count: 1 },
    ]);
    expect(facets.status).toEqual([
      { value: 'ACTIVE', label: 'ACTIVE', count: 1 },
      { value: 'HIRED', label: 'HIRED', count: 1 },
    ]);
    expect(q.facets({ stage: [null], owner: [null, 'u_9'] }).status).toEqual([{ value: 'ACTIVE', label: 'ACTIVE', count: 1 }]);
  });
});
