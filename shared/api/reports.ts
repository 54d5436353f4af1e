/**
 * The five reports of DESIGN §4 as the API, the CLI and the page see them: one JSON shape
 * per kind, computed over the applications `list` gives for the same filters. Plain
 * constants and types (no zod), so the page can use them at run time.
 */
import type { ApplicationFilters } from './applications.js';

export const REPORT_KINDS = ['pipeline', 'sources', 'interviewers', 'offers', 'time-to-hire'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export function isReportKind(value: string): value is ReportKind {
  return (REPORT_KINDS as readonly string[]).includes(value);
}

/** What a recruiter calls each report: "Pipeline", "Time to hire"; its table is "<title> report". */
export const REPORT_TITLES: Readonly<Record<ReportKind, string>> = {
  pipeline: 'Pipeline',
  sources: 'Sources',
  interviewers: 'Interviewers',
  offers: 'Offers',
  'time-to-hire': 'Time to hire',
};

export interface PipelineRow {
  jobId: string | null;
  jobTitle: string | null;
  stageId: string | null;
  stage: string | null;
  /** The stage's 1-based place in the job's stage order, null when the job's order does not know it. */
  position: number | null;
  /** Applications whose current stage this is. */
  applications: number;
  /** The job's applications at this position or a later one; null when `position` is. */
  reached: number | null;
}

export interface SourceCounts {
  applications: number;
  interviewed: number;
  offered: number;
  hired: number;
  /** Count / applications, 4 decimals. */
  interviewRate: number;
  offerRate: number;
  hireRate: number;
}
export interface SourcesRow extends SourceCounts {
  /** As received; null for none. */
  origin: string | null;
}

export interface InterviewerCounts {
  interviews: number;
  scheduled: number;
  awaitingFeedback: number;
  complete: number;
  cancelled: number;
  other: number;
  /** `SCHEDULED` with a start after `generatedAt`. */
  upcoming: number;
}
export interface InterviewersRow extends InterviewerCounts {
  /** The interviewer's email, else their id. */
  interviewer: string;
}
/** Interviews per week (weeks start on Monday, UTC), counted once per interviewer like the rows. */
export interface InterviewLoadWeek {
  /** `YYYY-MM-DD`, the Monday the week starts on. */
  week: string;
  interviews: number;
}

export interface OfferCounts {
  offers: number;
  inProgress: number;
  signed: number;
  denied: number;
  deprecated: number;
  other: number;
  /** signed / (signed + denied), 4 decimals; null when both are 0. */
  acceptanceRate: number | null;
  /** Median of closedAt - sentAt in days over offers with both. */
  medianDaysToClose: number | null;
}
export interface OffersRow extends OfferCounts {
  jobId: string | null;
  jobTitle: string | null;
}

export interface HireTimes {
  hired: number;
  /** Hired applications with a SIGNED offer that has closedAt. */
  measured: number;
  medianDays: number | null;
  p90Days: number | null;
}
export interface TimeToHireRow extends HireTimes {
  jobId: string | null;
  jobTitle: string | null;
}

interface ReportOf<K extends ReportKind, Row, Total> {
  report: K;
  /** The filters the report was computed with, so it can be computed again. */
  filters: ApplicationFilters;
  generatedAt: string;
  /** When the local data last changed through a sync; null before any. */
  lastSyncAt: string | null;
  rows: Row[];
  total: Total;
}

export type PipelineReport = ReportOf<'pipeline', PipelineRow, { applications: number }>;
export type SourcesReport = ReportOf<'sources', SourcesRow, SourceCounts>;
export type InterviewersReport = ReportOf<'interviewers', InterviewersRow, InterviewerCounts> & {
  /** Optional beyond DESIGN §4: the load per week, oldest first. */
  interviewLoad?: InterviewLoadWeek[];
};
export type OffersReport = ReportOf<'offers', OffersRow, OfferCounts>;
export type TimeToHireReport = ReportOf<'time-to-hire', TimeToHireRow, HireTimes>;

export type Report = PipelineReport | SourcesReport | InterviewersReport | OffersReport | TimeToHireReport;
export type ReportOfKind<K extends ReportKind> = Extract<Report, { report: K }>;

/** The fields of each kind's rows, in the order the CSV header and the tables name them. */
export const REPORT_ROW_FIELDS = {
  pipeline: ['jobId', 'jobTitle', 'stageId', 'stage', 'position', 'applications', 'reached'],
  sources: ['origin', 'applications', 'interviewed', 'offered', 'hired', 'interviewRate', 'offerRate', 'hireRate'],
  interviewers: ['interviewer', 'interviews', 'scheduled', 'awaitingFeedback', 'complete', 'cancelled', 'other', 'upcoming'],
  offers: ['jobId', 'jobTitle', 'offers', 'inProgress', 'signed', 'denied', 'deprecated', 'other', 'acceptanceRate', 'medianDaysToClose'],
  'time-to-hire': ['jobId', 'jobTitle', 'hired', 'measured', 'medianDays', 'p90Days'],
} as const satisfies { [K in ReportKind]: readonly (keyof ReportOfKind<K>['rows'][number])[] };
