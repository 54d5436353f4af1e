/** "Export CSV" and "Export Excel" for what is on screen, with the remembered BOM choice. */
import type { ExportFormat } from '../../../shared/api/export';
import { useApp } from '../../app/store';
import { DownloadIcon } from './icons';

export function BomChoice() {
  const bom = useApp((s) => s.exportBom);
  const setExportBom = useApp((s) => s.setExportBom);
  return (
    <label className="bom-choice" title="Adds a byte order mark to CSV files, so Excel on Windows reads accents and other scripts correctly">
      <input type="checkbox" aria-label="For Excel on Windows (BOM)" checked={bom} onChange={(event) => setExportBom(event.target.checked)} />
      <span className="bom-long" aria-hidden="true">
        For Excel on Windows (BOM)
      </span>
      <span className="bom-short" aria-hidden="true">
        BOM
      </span>
    </label>
  );
}

export function ExportButtons({ onExport, disabled = false }: { onExport: (format: ExportFormat) => void; disabled?: boolean }) {
  const busy = useApp((s) => s.exportJob?.phase === 'running');
  return (
    <div className="export-buttons">
      <button type="button" className="btn btn-ghost btn-small" onClick={() => onExport('csv')} disabled={busy || disabled} aria-busy={busy || undefined}>
        <DownloadIcon />
        Export CSV
      </button>
      <button type="button" className="btn btn-ghost btn-small" onClick={() => onExport('xlsx')} disabled={busy || disabled}>
        <DownloadIcon />
        Export Excel
      </button>
    </div>
  );
}

/** The list toolbar's export: exactly what the list shows. */
export function ListExport() {
  const exportApplications = useApp((s) => s.exportApplications);
  const empty = useApp((s) => s.total === 0);
  return (
    <div className="list-export">
      <BomChoice />
      <ExportButtons onExport={(format) => void exportApplications(format)} disabled={empty} />
    </div>
  );
}
