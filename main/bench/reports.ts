/**
 * Report latencies at the bench's size, unfiltered (every application, as the Reports
 * view opens). Ideal: one count of the same applications, the floor of any report that
 * looks at each of them once.
 */
import { REPORT_KINDS } from '../../shared/api/reports.js';
import type { Db } from '../db/open.js';
import { ReportService } from '../reports/service.js';
import { latencyFigure, type Figure } from './report.js';
import { latency, log } from './stats.js';

export function benchReports(db: Db, runs: number, warmup: number): Figure[] {
  const reports = new ReportService(db);
  const count = db.prepare('SELECT count(*) FROM applications WHERE deleted = 0');
  const ideal = latency(() => count.get(), runs, warmup);
  return REPORT_KINDS.map((kind) => {
    log(`reports: ${kind}`);
    const ours = latency(() => reports.report(kind), runs, warmup);
    return latencyFigure('reports', `${kind} report, all applications`, ours, ideal, 100, kind === 'pipeline' ? 'ideal: SELECT count(*) of the same applications' : undefined);
  });
}
