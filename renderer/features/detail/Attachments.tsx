/**
 * The application's attachments, each with Preview and, where there are bytes, Save. A
 * link-only attachment says that its link may not last, and opens in the browser only when
 * it is a web address; the app never fetches it.
 */
import type { DetailAttachment } from '../../../shared/api/detail';
import { useApp } from '../../app/store';
import { formatSize } from '../../ui/format';
import { FileIcon } from '../../ui/icons';
import { attachmentDisplayName, hasContent, isLinkOnly, mediaTypeLabel, typeMismatch } from '../preview/file-type';
import { saveKey } from '../preview/preview-slice';
import { safeExternalUrl } from './links';

export function attachmentTypeLabel(type: string | null): string {
  if (type === null || type === 'NOT_SPECIFIED') return 'Other';
  return type === 'RESUME' ? 'Résumé' : type === 'COVER_LETTER' ? 'Cover letter' : type === 'OFFER_LETTER' ? 'Offer letter' : type;
}

export const LINK_ONLY_NOTE = 'Only a link to the ATS: such links are often short-lived and may have expired.';

export function Attachments({ attachments }: { attachments: readonly DetailAttachment[] }) {
  const applicationId = useApp((s) => s.detail?.id ?? null);
  const openPreview = useApp((s) => s.openPreview);
  const saveAttachment = useApp((s) => s.saveAttachment);
  const save = useApp((s) => s.attachmentSave);
  if (attachments.length === 0) return <p className="muted">No attachments.</p>;
  return (
    <ul aria-label="Attachments" className="attachments">
      {attachments.map((attachment) => {
        const mismatch = typeMismatch(attachment);
        const linkOnly = isLinkOnly(attachment);
        const link = linkOnly ? safeExternalUrl(attachment.link) : null;
        const saving = applicationId !== null && save?.key === saveKey(applicationId, attachment.n) ? save : null;
        return (
          <li key={attachment.n} className="attachment">
            <FileIcon />
            <div className="attachment-text">
              <div className="attachment-name break">{attachmentDisplayName(attachment)}</div>
              <div className="attachment-meta">
                <span>{attachmentTypeLabel(attachment.type)}</span>
                {attachment.size !== null && <span>{formatSize(attachment.size)}</span>}
                {attachment.mediaType !== null && <span>{mediaTypeLabel(attachment.mediaType)}</span>}
                {mismatch !== null && <span className="type-mismatch">{mismatch}</span>}
              </div>
              {attachment.error !== null && <div className="attachment-error">Could not be decoded: {attachment.error}</div>}
              {linkOnly && (
                <div className="attachment-link-note">
                  {LINK_ONLY_NOTE}{' '}
                  {link !== null ? (
                    <a href={link} target="_blank" rel="noopener noreferrer">
                      Open in the browser
                    </a>
                  ) : (
                    <span className="muted">It is not a web address, so it is not opened.</span>
                  )}
                </div>
              )}
              {saving !== null && (
                <div role="status" className={`attachment-save is-${saving.status}`}>
                  {saving.message}
                </div>
              )}
            </div>
            <div className="attachment-actions">
              {hasContent(attachment) && applicationId !== null && (
                <button
                  type="button"
                  className="btn btn-small btn-ghost"
                  disabled={saving?.status === 'saving'}
                  onClick={() => void saveAttachment(applicationId, attachment)}
                  aria-label={`Save ${attachmentDisplayName(attachment)}`}
                >
                  Save
                </button>
              )}
              <button type="button" className="btn btn-small" onClick={() => openPreview(attachment)}>
                Preview
              </button>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
