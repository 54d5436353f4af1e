/**
 * The attachment dialog, named after the attachment (DESIGN §5). Its content (the viewers,
 * pdf.js, DOMPurify, the CSV parser) is a separate chunk fetched on the first preview, so
 * the window's first load does not carry it.
 */
import { lazy, Suspense } from 'react';
import { useApp } from '../../app/store';
import { Dialog } from '../../ui/Dialog';
import { attachmentDisplayName } from '../preview/file-type';

const PreviewPane = lazy(() => import('../preview/PreviewPane'));

export function AttachmentPreview() {
  const attachment = useApp((s) => s.previewAttachment);
  const closePreview = useApp((s) => s.closePreview);
  return (
    <Dialog open={attachment !== null} onClose={closePreview} title={attachment === null ? 'Attachment' : attachmentDisplayName(attachment)}>
      {attachment !== null && (
        <Suspense fallback={<p className="preview-opening">Opening the preview…</p>}>
          <PreviewPane attachment={attachment} />
        </Suspense>
      )}
    </Dialog>
  );
}
