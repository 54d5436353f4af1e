/** Exporting what `list` shows to a CSV or XLSX file. */
import { existsSync } from 'node:fs';
import { extname } from 'node:path';
import { EXPORT_FORMATS, type ExportFormat } from '../../shared/api/export.js';
import { EXPORT_FIELDS, isExportField, type ExportField } from '../export/columns.js';
import { ExportService } from '../export/service.js';
import { listQueryFrom } from './browse-commands.js';
import { COMMON, str, withDbAsync, withExistingDb, type Command, type Values } from './context.js';
import { CommandError, UsageError } from './errors.js';
import { FILTER_OPTIONS, FILTER_USAGE } from './filters.js';
import { writeJson } from './output.js';

function columnsFrom(values: Values): ExportField[] | undefined {
  const raw = str(values, 'columns');
  if (raw === undefined) return undefined;
  const names = raw.split(',').map((name) => name.trim()).filter((name) => name !== '');
  if (names.length === 0) throw new UsageError(`--columns takes column names separated by commas: ${EXPORT_FIELDS.join(', ')}`);
  const unknown = names.find((name) => !isExportField(name));
  if (unknown !== undefined) throw new UsageError(`--columns: unknown column ${JSON.stringify(unknown)}; the columns are ${EXPORT_FIELDS.join(', ')}`);
  const twice = names.find((name, i) => names.indexOf(name) !== i);
  if (twice !== undefined) throw new UsageError(`--columns names ${JSON.stringify(twice)} twice`);
  return names as ExportField[];
}

/** `--format`, else the file's extension (.xlsx), else CSV. */
export function formatFrom(values: Values, out: string, allowed: readonly string[] = EXPORT_FORMATS): string {
  const given = str(values, 'format');
  if (given !== undefined) {
    const format = given.trim().toLowerCase();
    if (!allowed.includes(format)) throw new UsageError(`--format must be one of ${allowed.join(', ')}`);
    return format;
  }
  const extension = extname(out).slice(1).toLowerCase();
  return allowed.includes(extension) ? extension : allowed[0]!;
}

/** Saved files replace an existing one only when asked (as `attachment` does). */
export function refuseOverwrite(out: string, values: Values): void {
  if (values.force !== true && existsSync(out)) throw new CommandError(`${out} already exists: pass --force to replace it`);
}

/** Cancels on Ctrl-C, so an interrupted write leaves neither a half file nor a temporary one. */
export function cancelOnInterrupt(): { signal: AbortSignal; done(): void } {
  const controller = new AbortController();
  const abort = () => controller.abort();
  process.once('SIGINT', abort);
  process.once('SIGTERM', abort);
  return {
    signal: controller.signal,
    done() {
      process.off('SIGINT', abort);
      process.off('SIGTERM', abort);
    },
  };
}

const exportCommand: Command = {
  summary:
    'save the applications list shows (same filters, search, sort, deleted setting) as CSV or XLSX; --format defaults from the file extension, else csv; an existing file is replaced only with --force',
  usage: `--out FILE ${FILTER_USAGE} [--sort FIELD] [--order asc|desc] [--columns a,b] [--format csv|xlsx] [--bom] [--force] [--db PATH] [--json]`,
  options: {
    ...COMMON,
    ...FILTER_OPTIONS,
    out: { type: 'string' },
    sort: { type: 'string' },
    order: { type: 'string' },
    columns: { type: 'string' },
    format: { type: 'string' },
    bom: { type: 'boolean' },
    force: { type: 'boolean' },
  },
  async run(values, positionals) {
    if (positionals.length > 0) throw new UsageError(`export takes no arguments, got ${JSON.stringify(positionals[0])}`);
    const out = str(values, 'out');
    if (out === undefined || out.trim() === '') throw new UsageError('export needs --out FILE');
    const query = listQueryFrom(values);
    const columns = columnsFrom(values);
    const format = formatFrom(values, out) as ExportFormat;
    if (values.bom === true && format !== 'csv') throw new UsageError('--bom is for CSV only');
    withExistingDb(values, () => undefined);
    refuseOverwrite(out, values);
    const interrupt = cancelOnInterrupt();
    try {
      const result = await withDbAsync(values, (db) =>
        new ExportService(db).export(out, { ...query, columns, format, bom: values.bom === true }, { signal: interrupt.signal }),
      );
      if (values.json === true) writeJson(result);
      else process.stdout.write(`Saved ${result.rows} applications to ${result.out}\n`);
      return 0;
    } finally {
      interrupt.done();
    }
  },
};

export const EXPORT_COMMANDS: Readonly<Record<string, Command>> = { export: exportCommand };
