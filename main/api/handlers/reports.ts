/**
 * The five reports of DESIGN §4 for the window, from the one report service, and a report
 * printed to PDF by the desktop shell (the web face prints with the browser's own dialog).
 */
import { defaultExportName } from '../../../shared/api/export.js';
import { writeAtomically, writeChunk } from '../../export/atomic-file.js';
import type { ReportService } from '../../reports/service.js';
import { ApiFailure } from '../errors.js';
import type { HostServices } from '../host.js';
import type { HandlerMap } from './types.js';

export function reportHandlers(
  reports: ReportService,
  host: HostServices | null,
  now: () => Date = () => new Date(),
): HandlerMap<'report' | 'printReportToPdf'> {
  return {
    report: ({ kind, filters }) => reports.report(kind, filters ?? {}),

    printReportToPdf: async ({ kind, filters }) => {
      if (host?.printToPdf === undefined) throw new ApiFailure('unavailable', 'this window prints with the browser: use its print dialog to save a PDF');
      const defaultName = defaultExportName(kind === undefined ? 'reports' : `${kind}-report`, filters ?? {}, 'pdf', now());
      const path = await host.chooseSavePath({ defaultName, filters: [{ name: 'PDF', extensions: ['pdf'] }] });
      if (path === null) return { path: null };
      const pdf = await host.printToPdf();
      try {
        await writeAtomically(path, (stream) => writeChunk(stream, Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength)));
      } catch (error) {
        throw new ApiFailure('failed', error instanceof Error ? error.message : String(error));
      }
      return { path };
    },
  };
}
