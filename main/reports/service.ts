/**
 * The five reports of DESIGN §4, each computed in SQL over exactly the applications the
 * list gives for the same filters (the list's own where-building), for the CLI and the API.
 * `lastSyncAt` is when the last import we ran finished (imports.finished_at): the time the
 * local data last changed through a sync, cheap to read at any size.
 */
import type { ApplicationFilters } from '../../shared/api/applications.js';
import type {
  HireTimes,
  InterviewerCounts,
  InterviewersReport,
  InterviewersRow,
  InterviewLoadWeek,
  OfferCounts,
  OffersReport,
  OffersRow,
  PipelineReport,
  PipelineRow,
  ReportKind,
  ReportOfKind,
  SourceCounts,
  SourcesReport,
  SourcesRow,
  TimeToHireReport,
  TimeToHireRow,
} from '../../shared/api/reports.js';
import { buildWhere } from '../db/queries/browse.js';
import type { Db } from '../db/open.js';
import { durationMs, medianDays, p90Days, rate, rateOrNull } from './figures.js';

export type Clock = () => Date;

interface Matching {
  /** `WITH m AS (...)`: the matching applications' pk and job_id, plus these columns of theirs. */
  cte(columns: string): string;
  params: unknown[];
  /** The filters over `applications a` as one condition (`params` bind it as they bind the CTE). */
  where: string;
  /** Nothing asked but the deleted flag: most applications match, and those that do not are the fewer. */
  unfiltered: boolean;
}

/** Keys left out when not given, so `filters` says exactly what was asked for. */
function normaliseFilters(filters: ApplicationFilters): ApplicationFilters {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined)) as ApplicationFilters;
}

const sum = (condition: string) => `coalesce(sum(CASE WHEN ${condition} THEN 1 ELSE 0 END), 0)`;

/**
 * Counts of one person's listings from the interviewers query's digits, one per listing: 0 scheduled,
 * 1 scheduled and upcoming, 2 awaiting feedback, 3 complete, 4 cancelled, 5 anything else (or none).
 */
function statusCounts(digits: string): InterviewerCounts {
  const n = [0, 0, 0, 0, 0, 0];
  for (let i = 0; i < digits.length; i++) n[digits.charCodeAt(i) - 48]!++;
  return {
    interviews: digits.length,
    scheduled: n[0]! + n[1]!,
    awaitingFeedback: n[2]!,
    complete: n[3]!,
    cancelled: n[4]!,
    other: n[5]!,
    upcoming: n[1]!,
  };
}

const DIGIT_0 = 48;
const HYPHEN = 45;

/**
 * Adds up a comma-separated list of weeks into `counts`. A week is what SQLite's date() gives, the Monday
 * of an interview's start (no comma in it): 'YYYY-MM-DD' is counted by its digits as a number (no string
 * made per listing), anything else by its text.
 */
function countWeeks(weeks: string, counts: Map<string, number>): void {
  const byDay = new Map<number, number>();
  const names = new Map<number, string>();
  for (let start = 0; start <= weeks.length; ) {
    let end = weeks.indexOf(',', start);
    if (end === -1) end = weeks.length;
    let day = end - start === 10 && weeks.charCodeAt(start + 4) === HYPHEN && weeks.charCodeAt(start + 7) === HYPHEN ? 0 : -1;
    for (let i = start; day !== -1 && i < end; i++) {
      if (i === start + 4 || i === start + 7) continue;
      const digit = weeks.charCodeAt(i) - DIGIT_0;
      day = digit >= 0 && digit <= 9 ? day * 10 + digit : -1;
    }
    if (day === -1) {
      const week = weeks.slice(start, end);
      counts.set(week, (counts.get(week) ?? 0) + 1);
    } else {
      const seen = byDay.get(day);
      if (seen === undefined) names.set(day, weeks.slice(start, end));
      byDay.set(day, (seen ?? 0) + 1);
    }
    start = end + 1;
  }
  for (const [day, n] of byDay) {
    const week = names.get(day)!;
    counts.set(week, (counts.get(week) ?? 0) + n);
  }
}

export class ReportService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock = () => new Date(),
  ) {}

  report<K extends ReportKind>(kind: K, filters: ApplicationFilters = {}): ReportOfKind<K> {
    const generatedAt = this.clock().toISOString();
    const matching = this.matching(filters);
    const header = { filters: normaliseFilters(filters), generatedAt, lastSyncAt: this.lastSyncAt() };
    const build: { [R in ReportKind]: () => ReportOfKind<R> } = {
      pipeline: () => ({ report: 'pipeline', ...header, ...this.pipeline(matching) }),
      sources: () => ({ report: 'sources', ...header, ...this.sources(matching) }),
      interviewers: () => ({ report: 'interviewers', ...header, ...this.interviewers(matching, generatedAt) }),
      offers: () => ({ report: 'offers', ...header, ...this.offers(matching) }),
      'time-to-hire': () => ({ report: 'time-to-hire', ...header, ...this.timeToHire(matching) }),
    };
    return build[kind]() as ReportOfKind<K>;
  }

  private matching(filters: ApplicationFilters): Matching {
    const where = buildWhere(filters);
    const clauses = where.clauses.join(' AND ');
    return {
      cte: (columns) => `WITH m AS (SELECT a.pk, a.job_id, ${columns} FROM applications a WHERE ${clauses})`,
      params: where.params,
      where: clauses,
      unfiltered: where.clauses.length === 1,
    };
  }

  /** `params` binds the statement's `?` in order; `named` its `@name` parameters. */
  private all<T>(sql: string, params: unknown[], named?: Record<string, unknown>): T[] {
    const statement = this.db.prepare<unknown[]>(sql);
    return (named === undefined ? statement.all(...params) : statement.all(...params, named)) as T[];
  }

  private lastSyncAt(): string | null {
    return (this.db.prepare('SELECT max(finished_at) AS at FROM imports').get() as { at: string | null }).at;
  }

  private pipeline(matching: Matching): Pick<PipelineReport, 'rows' | 'total'> {
    // The stage's place in its job's order: by stage id, or by name when the application's stage has no id.
    const rows = this.all<PipelineRow>(
      `${matching.cte('a.stage_id, a.stage')}
       SELECT g.job_id AS jobId, j.title AS jobTitle, g.stage_id AS stageId, g.stage, g.applications,
         (SELECT min(s.pos) + 1 FROM stages s WHERE s.job_pk = j.pk
            AND CASE WHEN g.stage_id IS NOT NULL THEN s.stage_id = g.stage_id ELSE s.name = g.stage END) AS position
       FROM (SELECT job_id, stage_id, stage, count(*) AS applications FROM m GROUP BY job_id, stage_id, stage) g
       LEFT JOIN jobs j ON j.id = g.job_id
       ORDER BY j.title IS NULL, j.title COLLATE NOCASE, g.job_id, position IS NULL, position, g.stage`,
      matching.params,
    );
    let total = 0;
    const byJob = new Map<string | null, PipelineRow[]>();
    for (const row of rows) {
      total += row.applications;
      const job = byJob.get(row.jobId) ?? [];
      job.push(row);
      byJob.set(row.jobId, job);
    }
    const ordered: PipelineRow[] = rows.map((row) => {
      const { jobId, jobTitle, stageId, stage, position, applications } = row;
      const reached =
        position === null
          ? null
          : byJob.get(jobId)!.reduce((n, other) => (other.position !== null && other.position >= position ? n + other.applications : n), 0);
      return { jobId, jobTitle, stageId, stage, position, applications, reached };
    });
    return { rows: ordered, total: { applications: total } };
  }

  private sources(matching: Matching): Pick<SourcesReport, 'rows' | 'total'> {
    // Who had an interview or an offer: each child table read once into a set (interviews from their narrow
    // report index), not probed per application. The inner groups are the covering report index's own order,
    // so they are counted as it is walked, with no sort; the few of them then add up per origin.
    const counts = this.all<{ origin: string | null; applications: number; interviewed: number; offered: number; hired: number }>(
      `${matching.cte('a.stage_id, a.stage, a.status, a.origin')}
       SELECT origin, sum(applications) AS applications, sum(interviewed) AS interviewed, sum(offered) AS offered,
         coalesce(sum(CASE WHEN status = 'HIRED' THEN applications ELSE 0 END), 0) AS hired
       FROM (SELECT m.origin, m.status, count(*) AS applications, count(i.app_pk) AS interviewed, count(o.app_pk) AS offered
             FROM m
             LEFT JOIN (SELECT DISTINCT app_pk FROM interviews WHERE status IS NOT 'CANCELLED') i ON i.app_pk = m.pk
             LEFT JOIN (SELECT DISTINCT app_pk FROM offers) o ON o.app_pk = m.pk
             GROUP BY m.job_id, m.stage_id, m.stage, m.status, m.origin)
       GROUP BY origin ORDER BY applications DESC, origin IS NULL, origin`,
      matching.params,
    );
    const withRates = (c: { applications: number; interviewed: number; offered: number; hired: number }): SourceCounts => ({
      applications: c.applications,
      interviewed: c.interviewed,
      offered: c.offered,
      hired: c.hired,
      interviewRate: rate(c.interviewed, c.applications),
      offerRate: rate(c.offered, c.applications),
      hireRate: rate(c.hired, c.applications),
    });
    const all = { applications: 0, interviewed: 0, offered: 0, hired: 0 };
    for (const c of counts) {
      all.applications += c.applications;
      all.interviewed += c.interviewed;
      all.offered += c.offered;
      all.hired += c.hired;
    }
    const rows: SourcesRow[] = counts.map((c) => ({ origin: c.origin, ...withRates(c) }));
    // No applications: every rate is 0 / 0; 0 keeps the fields numbers as their type says.
    const total = all.applications === 0 ? { ...all, interviewRate: 0, offerRate: 0, hireRate: 0 } : withRates(all);
    return { rows, total };
  }

  private interviewers(matching: Matching, generatedAt: string): Pick<InterviewersReport, 'rows' | 'total' | 'interviewLoad'> {
    // One pass over the listings in person order (interviewers_by_person), each looked up in the narrow
    // interview index: a group per person, counted as the index is walked (no sort of every listing).
    // Each group holds a digit per listing for its interview's status (see statusCounts) and the listings'
    // weeks, added up here: a person's row, the totals and the weekly load all come from them.
    // A person listed twice on one interview (same id or same email) counts once, at their first listing:
    // `dropped` are the later listings, found in table order; a first listing (pos 0) has none before it.
    // Which applications count: those the filters match; when nothing but the deleted flag is asked, all
    // but those that do not match (tombstones, the smaller set to look listings up in: the flag never leaves
    // out an application that is not deleted, so only deleted ones are read), and when there are none of
    // those, every listing's application (children are only ever stored under one).
    const unmatched = `SELECT a.pk FROM applications a WHERE (a.deleted < 0 OR a.deleted > 0) AND (${matching.where}) IS NOT 1`;
    const applications = !matching.unfiltered
      ? '+iv.app_pk IN (SELECT pk FROM m)'
      : this.db.prepare<unknown[]>(`SELECT EXISTS (${unmatched})`).pluck().get(...matching.params) === 1
        ? `iv.app_pk NOT IN (${unmatched})`
        : '1';
    const groups = this.all<{ email: string | null; userId: string | null; statuses: string; weeks: string | null }>(
      `${matching.unfiltered ? 'WITH' : `${matching.cte('a.status')},`}
       dropped AS MATERIALIZED (
         SELECT d.app_pk, d.interview_pos, d.pos FROM interviewers d
         WHERE d.pos > 0 AND EXISTS (SELECT 1 FROM interviewers e WHERE e.app_pk = d.app_pk AND e.interview_pos = d.interview_pos
                                     AND e.pos < d.pos AND (e.user_id = d.user_id OR e.email = d.email))
         ORDER BY d.app_pk, d.interview_pos, d.pos)
       SELECT iv.email, iv.user_id AS userId,
         group_concat(CASE i.status WHEN 'SCHEDULED' THEN (CASE WHEN i.scheduled_start > @now THEN 1 ELSE 0 END)
           WHEN 'AWAITING_FEEDBACK' THEN 2 WHEN 'COMPLETE' THEN 3 WHEN 'CANCELLED' THEN 4 ELSE 5 END, '') AS statuses,
         group_concat(date(i.scheduled_start, '-6 days', 'weekday 1')) AS weeks
       FROM interviewers iv INDEXED BY interviewers_by_person
       JOIN interviews i INDEXED BY interviews_reports ON i.app_pk = iv.app_pk AND i.pos = iv.interview_pos
       WHERE (iv.email IS NOT NULL OR iv.user_id IS NOT NULL) AND ${applications}
         AND (iv.pos = 0 OR iv.app_pk NOT IN (SELECT app_pk FROM dropped)
              OR (iv.app_pk, iv.interview_pos, iv.pos) NOT IN (SELECT app_pk, interview_pos, pos FROM dropped))
       GROUP BY iv.user_id, iv.email`,
      matching.params,
      { now: generatedAt },
    );
    // An interviewer listed by id alone is named by the email their user record has, if any (a small table).
    const userEmails = new Map(
      (this.db.prepare('SELECT id, email FROM users WHERE email IS NOT NULL').raw().all() as [string, string][]).map(([id, email]) => [id, email]),
    );
    const zero = (): InterviewerCounts => ({ interviews: 0, scheduled: 0, awaitingFeedback: 0, complete: 0, cancelled: 0, other: 0, upcoming: 0 });
    const keys = Object.keys(zero()) as (keyof InterviewerCounts)[];
    const total = zero();
    const byInterviewer = new Map<string, InterviewerCounts>();
    const byWeek = new Map<string, number>();
    for (const group of groups) {
      const interviewer = group.email ?? userEmails.get(group.userId!) ?? group.userId!;
      const counts = byInterviewer.get(interviewer) ?? zero();
      const added = statusCounts(group.statuses);
      for (const key of keys) {
        counts[key] += added[key];
        total[key] += added[key];
      }
      byInterviewer.set(interviewer, counts);
      if (group.weeks !== null) countWeeks(group.weeks, byWeek);
    }
    // Code-unit order, as SQLite compares text.
    const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const rows: InterviewersRow[] = [...byInterviewer]
      .map(([interviewer, counts]) => ({ interviewer, ...counts }))
      .sort((a, b) => b.interviews - a.interviews || byText(a.interviewer, b.interviewer));
    const interviewLoad: InterviewLoadWeek[] = [...byWeek]
      .sort(([a], [b]) => byText(a, b))
      .map(([week, interviews]) => ({ week, interviews }));
    return { rows, total, interviewLoad };
  }

  private offers(matching: Matching): Pick<OffersReport, 'rows' | 'total'> {
    // Offers are few beside applications: both passes start from them (CROSS JOIN keeps that order) and look
    // each one's application up by key, instead of probing the offers of every matching application.
    type Counts = Omit<OfferCounts, 'acceptanceRate' | 'medianDaysToClose'>;
    const counts = this.all<Counts & { jobId: string | null; jobTitle: string | null }>(
      `${matching.cte('a.status')}
       SELECT m.job_id AS jobId, j.title AS jobTitle, count(*) AS offers,
         ${sum("o.status = 'IN_PROGRESS'")} AS inProgress,
         ${sum("o.status = 'SIGNED'")} AS signed,
         ${sum("o.status = 'DENIED'")} AS denied,
         ${sum("o.status = 'DEPRECATED'")} AS deprecated,
         ${sum("o.status IS NULL OR o.status NOT IN ('IN_PROGRESS', 'SIGNED', 'DENIED', 'DEPRECATED')")} AS other
       FROM offers o CROSS JOIN m ON m.pk = o.app_pk LEFT JOIN jobs j ON j.id = m.job_id
       GROUP BY m.job_id ORDER BY j.title IS NULL, j.title COLLATE NOCASE, m.job_id`,
      matching.params,
    );
    const closes = this.all<{ jobId: string | null; sentAt: string; closedAt: string }>(
      `${matching.cte('a.status')}
       SELECT m.job_id AS jobId, o.sent_at AS sentAt, o.closed_at AS closedAt
       FROM offers o CROSS JOIN m ON m.pk = o.app_pk WHERE o.sent_at IS NOT NULL AND o.closed_at IS NOT NULL`,
      matching.params,
    );
    const durations = new Map<string | null, number[]>();
    const everyDuration: number[] = [];
    for (const close of closes) {
      const ms = durationMs(close.sentAt, close.closedAt);
      if (ms === null) continue;
      everyDuration.push(ms);
      const job = durations.get(close.jobId);
      if (job === undefined) durations.set(close.jobId, [ms]);
      else job.push(ms);
    }
    const figures = (c: Counts, measured: number[]): OfferCounts => ({
      offers: c.offers,
      inProgress: c.inProgress,
      signed: c.signed,
      denied: c.denied,
      deprecated: c.deprecated,
      other: c.other,
      acceptanceRate: rateOrNull(c.signed, c.signed + c.denied),
      medianDaysToClose: medianDays(measured),
    });
    const rows: OffersRow[] = counts.map(({ jobId, jobTitle, ...c }) => ({ jobId, jobTitle, ...figures(c, durations.get(jobId) ?? []) }));
    const all: Counts = { offers: 0, inProgress: 0, signed: 0, denied: 0, deprecated: 0, other: 0 };
    for (const c of counts) for (const key of Object.keys(all) as (keyof Counts)[]) all[key] += c[key];
    return { rows, total: figures(all, everyDuration) };
  }

  private timeToHire(matching: Matching): Pick<TimeToHireReport, 'rows' | 'total'> {
    // The latest signed offer with a close time decides when the hire was made.
    const hires = this.all<{ jobId: string | null; jobTitle: string | null; appliedAt: string | null; signedAt: string | null }>(
      `${matching.cte('a.status, a.applied_at')}
       SELECT m.job_id AS jobId, j.title AS jobTitle, m.applied_at AS appliedAt,
         (SELECT max(o.closed_at) FROM offers o WHERE o.app_pk = m.pk AND o.status = 'SIGNED' AND o.closed_at IS NOT NULL) AS signedAt
       FROM m LEFT JOIN jobs j ON j.id = m.job_id
       WHERE m.status = 'HIRED'
       ORDER BY j.title IS NULL, j.title COLLATE NOCASE, m.job_id`,
      matching.params,
    );
    const jobs = new Map<string | null, { jobTitle: string | null; hired: number; durations: number[] }>();
    const everyDuration: number[] = [];
    for (const hire of hires) {
      const job = jobs.get(hire.jobId) ?? { jobTitle: hire.jobTitle, hired: 0, durations: [] };
      job.hired++;
      const ms = durationMs(hire.appliedAt, hire.signedAt);
      if (ms !== null) {
        job.durations.push(ms);
        everyDuration.push(ms);
      }
      jobs.set(hire.jobId, job);
    }
    const times = (hired: number, durations: number[]): HireTimes => ({
      hired,
      measured: durations.length,
      medianDays: medianDays(durations),
      p90Days: p90Days(durations),
    });
    const rows: TimeToHireRow[] = [...jobs].map(([jobId, job]) => ({ jobId, jobTitle: job.jobTitle, ...times(job.hired, job.durations) }));
    return { rows, total: times(hires.length, everyDuration) };
  }
}
