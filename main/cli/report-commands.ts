/** The reports of DESIGN §4 over the applications `list` gives for the same filters. */
import { REPORT_KINDS, isReportKind } from '../../shared/api/reports.js';
import { writeAtomically, writeChunk } from '../export/atomic-file.js';
import { reportCsv } from '../reports/csv.js';
import { ReportService } from '../reports/service.js';
import { COMMON, str, withExistingDb, type Command } from './context.js';
import { UsageError } from './errors.js';
import { cancelOnInterrupt, formatFrom, refuseOverwrite } from './export-commands.js';
import { FILTER_OPTIONS, FILTER_USAGE, filtersFrom } from './filters.js';

const REPORT_FORMATS = ['json', 'csv'] as const;

const report: Command = {
  summary: `compute a report (${REPORT_KINDS.join(', ')}) over the applications list shows for the same filters; JSON on stdout, or --out FILE (replaced only with --force)`,
  usage: `<${REPORT_KINDS.join('|')}> ${FILTER_USAGE} [--format json|csv] [--out FILE] [--force] [--db PATH]`,
  options: { ...COMMON, ...FILTER_OPTIONS, format: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' } },
  async run(values, positionals) {
    if (positionals.length !== 1) throw new UsageError(`report takes one kind: ${REPORT_KINDS.join(', ')}`);
    const kind = positionals[0]!;
    if (!isReportKind(kind)) throw new UsageError(`unknown report ${JSON.stringify(kind)}: the reports are ${REPORT_KINDS.join(', ')}`);
    const filters = filtersFrom(values as never);
    const out = str(values, 'out');
    if (out !== undefined && out.trim() === '') throw new UsageError('--out takes a file name');
    const format = formatFrom(values, out ?? '', REPORT_FORMATS);
    const computed = withExistingDb(values, (db) => new ReportService(db).report(kind, filters));
    const text = format === 'csv' ? reportCsv(computed) : `${JSON.stringify(computed)}\n`;
    if (out === undefined) {
      process.stdout.write(text);
      return 0;
    }
    refuseOverwrite(out, values);
    const interrupt = cancelOnInterrupt();
    try {
      await writeAtomically(out, (stream) => writeChunk(stream, text), interrupt.signal);
    } finally {
      interrupt.done();
    }
    return 0;
  },
};

export const REPORT_COMMANDS: Readonly<Record<string, Command>> = { report };
