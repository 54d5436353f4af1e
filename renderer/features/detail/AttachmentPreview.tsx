/**
 * The attachment dialog. Showing the file's content (PDF with eval off, images, sanitised text)
 * arrives with the attachments work; until then it shows what we know about the file.
 */
import { useApp } from '../../app/store';
import { Dialog } from '../../ui/Dialog';
import { formatDateTime, formatSize, UNKNOWN } from '../../ui/format';
import { attachmentTypeLabel } from './Attachments';
import { safeExternalUrl } from './links';

export function AttachmentPreview() {
  const attachment = useApp((s) => s.previewAttachment);
  const closePreview = useApp((s) => s.closePreview);
  const title = attachment === null ? 'Attachment' : (attachment.name ?? `Attachment ${attachment.n}`);
  const link = safeExternalUrl(attachment?.link);
  return (
    <Dialog open={attachment !== null} onClose={closePreview} title={title}>
      {attachment !== null && (
        <div className="preview">
          <dl className="facts facts-compact">
            <div className="fact">
              <dt>Name</dt>
              <dd className="break">{attachment.name ?? UNKNOWN}</dd>
            </div>
            <div className="fact">
              <dt>Type</dt>
              <dd>{attachmentTypeLabel(attachment.type)}</dd>
            </div>
            <div className="fact">
              <dt>Size</dt>
              <dd>{formatSize(attachment.size)}</dd>
            </div>
            <div className="fact">
              <dt>Media type</dt>
              <dd>{attachment.mediaType ?? UNKNOWN}</dd>
            </div>
            <div className="fact">
              <dt>Added</dt>
              <dd>{formatDateTime(attachment.createdAt)}</dd>
            </div>
          </dl>
          {attachment.error !== null && <p className="attachment-error">This file could not be decoded: {attachment.error}</p>}
          <div className="notice">
            <p>
              Seeing the file’s contents here (PDFs, images and text, opened safely) comes with the attachments update.
              Until then, this is what Candidate Viewer knows about it.
            </p>
            {link !== null && (
              <p>
                <a href={link} target="_blank" rel="noopener noreferrer">
                  Open the original in the ATS
                </a>
              </p>
            )}
          </div>
        </div>
      )}
    </Dialog>
  );
}
