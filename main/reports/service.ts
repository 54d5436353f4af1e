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
}

/** Keys left out when not given, so `filters` says exactly what was asked for. */
function normaliseFilters(filters: ApplicationFilters): ApplicationFilters {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined)) as ApplicationFilters;
}

const sum = (condition: string) => `coalesce(sum(CASE WHEN ${condition} THEN 1 ELSE 0 END), 0)`;

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
    return {
      cte: (columns) => `WITH m AS (SELECT a.pk, a.job_id, ${columns} FROM applications a WHERE ${where.clauses.join(' AND ')})`,
      params: where.params,
    };
  }

  private all<T>(sql: string, params: unknown[]): T[] {
    return this.db.prepare<unknown[]>(sql).all(...params) as T[];
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
    // Who had an interview or an offer: each child table read once into a set, not probed per application;
    // `+` keeps the planner on the covering report index instead of the origin index's order (table reads).
    const counts = this.all<{ origin: string | null; applications: number; interviewed: number; offered: number; hired: number }>(
      `${matching.cte('a.status, a.origin')}
       SELECT m.origin, count(*) AS applications, count(i.app_pk) AS interviewed, count(o.app_pk) AS offered,
         ${sum("m.status = 'HIRED'")} AS hired
       FROM m
       LEFT JOIN (SELECT DISTINCT app_pk FROM interviews WHERE status IS NOT 'CANCELLED') i ON i.app_pk = m.pk
       LEFT JOIN (SELECT DISTINCT app_pk FROM offers) o ON o.app_pk = m.pk
       GROUP BY +m.origin ORDER BY applications DESC, m.origin IS NULL, m.origin`,
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
    // One pass, grouped by interviewer and week: rows, totals and the weekly load all add up from it.
    // A person listed twice on one interview (same id or same email) counts once, at their first listing.
    const groups = this.all<InterviewerCounts & { email: string | null; userId: string | null; week: string | null }>(
      `${matching.cte('a.status')}
       SELECT iv.email, iv.user_id AS userId, date(i.scheduled_start, '-6 days', 'weekday 1') AS week, count(*) AS interviews,
         ${sum("i.status = 'SCHEDULED'")} AS scheduled,
         ${sum("i.status = 'AWAITING_FEEDBACK'")} AS awaitingFeedback,
         ${sum("i.status = 'COMPLETE'")} AS complete,
         ${sum("i.status = 'CANCELLED'")} AS cancelled,
         ${sum("i.status IS NULL OR i.status NOT IN ('SCHEDULED', 'AWAITING_FEEDBACK', 'COMPLETE', 'CANCELLED')")} AS other,
         ${sum("i.status = 'SCHEDULED' AND i.scheduled_start > ?")} AS upcoming
       FROM interviewers iv
       JOIN interviews i ON i.app_pk = iv.app_pk AND i.pos = iv.interview_pos
       WHERE iv.app_pk IN (SELECT pk FROM m) AND (iv.email IS NOT NULL OR iv.user_id IS NOT NULL)
         AND NOT EXISTS (SELECT 1 FROM interviewers d WHERE d.app_pk = iv.app_pk AND d.interview_pos = iv.interview_pos
                         AND d.pos < iv.pos AND (d.user_id = iv.user_id OR d.email = iv.email))
       GROUP BY iv.email, iv.user_id, week`,
      [...matching.params, generatedAt],
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
      for (const key of keys) {
        counts[key] += group[key];
        total[key] += group[key];
      }
      byInterviewer.set(interviewer, counts);
      if (group.week !== null) byWeek.set(group.week, (byWeek.get(group.week) ?? 0) + group.interviews);
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
    type Counts = Omit<OfferCounts, 'acceptanceRate' | 'medianDaysToClose'>;
    const counts = this.all<Counts & { jobId: string | null; jobTitle: string | null }>(
      `${matching.cte('a.status')}
       SELECT m.job_id AS jobId, j.title AS jobTitle, count(*) AS offers,
         ${sum("o.status = 'IN_PROGRESS'")} AS inProgress,
         ${sum("o.status = 'SIGNED'")} AS signed,
         ${sum("o.status = 'DENIED'")} AS denied,
         ${sum("o.status = 'DEPRECATED'")} AS deprecated,
         ${sum("o.status IS NULL OR o.status NOT IN ('IN_PROGRESS', 'SIGNED', 'DENIED', 'DEPRECATED')")} AS other
       FROM m JOIN offers o ON o.app_pk = m.pk LEFT JOIN jobs j ON j.id = m.job_id
       GROUP BY m.job_id ORDER BY j.title IS NULL, j.title COLLATE NOCASE, m.job_id`,
      matching.params,
    );
    const closes = this.all<{ jobId: string | null; sentAt: string; closedAt: string }>(
      `${matching.cte('a.status')}
       SELECT m.job_id AS jobId, o.sent_at AS sentAt, o.closed_at AS closedAt
       FROM m JOIN offers o ON o.app_pk = m.pk WHERE o.sent_at IS NOT NULL AND o.closed_at IS NOT NULL`,
      matching.params,
    );
    const durations = new Map<string | null, number[]>();
    const everyDuration: number[] = [];
    for (const close of closes) {
      const ms = durationMs(close.sentAt, close.closedAt);
      if (ms === null) continue;
      everyDuration.push(ms);
      durations.set(close.jobId, [...(durations.get(close.jobId) ?? []), ms]);
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
