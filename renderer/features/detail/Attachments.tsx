/** The application's attachments, each with a Preview button. */
import type { DetailAttachment } from '../../../shared/api/detail';
import { useApp } from '../../app/store';
import { formatSize } from '../../ui/format';
import { FileIcon } from '../../ui/icons';

export function attachmentTypeLabel(type: string | null): string {
  if (type === null || type === 'NOT_SPECIFIED') return 'Other';
  return type === 'RESUME' ? 'Résumé' : type === 'COVER_LETTER' ? 'Cover letter' : type === 'OFFER_LETTER' ? 'Offer letter' : type;
}

export function Attachments({ attachments }: { attachments: readonly DetailAttachment[] }) {
  const openPreview = useApp((s) => s.openPreview);
  if (attachments.length === 0) return <p className="muted">No attachments.</p>;
  return (
    <ul aria-label="Attachments" className="attachments">
      {attachments.map((attachment) => (
        <li key={attachment.n} className="attachment">
          <FileIcon />
          <div className="attachment-text">
            <div className="attachment-name break">{attachment.name ?? `Attachment ${attachment.n}`}</div>
            <div className="attachment-meta">
              <span>{attachmentTypeLabel(attachment.type)}</span>
              <span>{formatSize(attachment.size)}</span>
              {attachment.mediaType !== null && <span>{attachment.mediaType}</span>}
            </div>
            {attachment.error !== null && <div className="attachment-error">Could not be decoded: {attachment.error}</div>}
          </div>
          <button type="button" className="btn btn-small" onClick={() => openPreview(attachment)}>
            Preview
          </button>
        </li>
      ))}
    </ul>
  );
}
