/** The web face's Save: the bytes handed to the browser as a download (it asks where, or uses its folder). */
import type { AttachmentFile } from '../../../shared/api/attachments';

// Long enough for the browser to have started reading the blob; the download keeps its own copy.
const REVOKE_AFTER_MS = 60_000;

export function downloadFile(file: Pick<AttachmentFile, 'bytes' | 'fileName'>, doc: Document = document): void {
  // octet-stream: the browser saves it and never renders it; a copy, as the file's view may share a larger buffer.
  const blob = new Blob([file.bytes.slice()], { type: 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.rel = 'noopener';
  link.hidden = true;
  doc.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}
