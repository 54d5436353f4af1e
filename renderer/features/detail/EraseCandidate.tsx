/**
 * "Erase candidate" (issue #9): a confirmation that says exactly what goes, then the
 * erasure. Everything of the candidate leaves this computer, and later syncs skip them.
 */
import { useShallow } from 'zustand/react/shallow';
import type { ErasureCounts } from '../../../shared/api/privacy';
import { useApp } from '../../app/store';
import { ErrorAlert } from '../../ui/Alert';
import { Dialog } from '../../ui/Dialog';
import { countOf as count, formatSize } from '../../ui/format';

export function erasureItems(c: ErasureCounts): string[] {
  const items = [
    `${count(c.applications, 'application')} with their contact details, stages, interviews, offers and notes, as received`,
    c.attachments === 0
      ? 'no attachments'
      : `${count(c.attachments, 'attachment')}${c.files > 0 ? ` (${count(c.files, 'file')}, ${formatSize(c.bytes)}, and their text for search)` : ''}`,
  ];
  if (c.rejectedEvents > 0) items.push(`${count(c.rejectedEvents, 'refused sync event')} that mention them`);
  if (c.relayEvents > 0) items.push(`${count(c.relayEvents, 'relay log event')} that mention them`);
  return items;
}

export function EraseCandidateButton({ name }: { name: string }) {
  const ask = useApp((s) => s.askErasure);
  return (
    <section className="detail-section detail-privacy" aria-label="Personal data">
      <button type="button" className="btn btn-danger" onClick={ask}>
        Erase candidate
      </button>
      <p className="muted">Removes {name} and everything about them from this computer; later syncs skip them.</p>
    </section>
  );
}

export function EraseCandidateDialog({ name }: { name: string }) {
  const { erasure, cancel, confirm } = useApp(useShallow((s) => ({ erasure: s.erasure, cancel: s.cancelErasure, confirm: s.confirmErasure })));
  const open = erasure !== null;
  return (
    <Dialog open={open} onClose={cancel} title={`Erase ${name}?`}>
      <div className="erase-dialog">
        {erasure?.phase === 'planning' && <p aria-busy="true">Counting what is stored about them…</p>}
        {erasure?.plan != null && (
          <>
            <p>This permanently removes from this computer:</p>
            <ul>
              {erasureItems(erasure.plan).map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
            <p>
              Their data is overwritten in the database file, not just hidden. Later syncs skip this candidate; the ATS itself is not
              changed. This cannot be undone here.
            </p>
          </>
        )}
        {erasure?.error != null && <ErrorAlert message={`The candidate could not be erased: ${erasure.error.message}`} />}
      </div>
      <div className="erase-actions">
        <button type="button" className="btn" onClick={cancel} disabled={erasure?.phase === 'erasing'}>
          Cancel
        </button>
        <button type="button" className="btn btn-danger" onClick={confirm} disabled={erasure?.phase !== 'confirm' || erasure.plan === null}>
          {erasure?.phase === 'erasing' ? 'Erasing…' : 'Erase candidate'}
        </button>
      </div>
    </Dialog>
  );
}

export function ErasedNotice() {
  const last = useApp((s) => s.lastErasure);
  if (last === null) return null;
  return (
    <div className="banner" role="status">
      Candidate erased: {count(last.applications, 'application')} and {count(last.attachments, 'attachment')} were removed from this computer.
    </div>
  );
}
