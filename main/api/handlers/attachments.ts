/** One attachment's bytes for the preview, and Save through the desktop's dialog. */
import { AttachmentError, AttachmentService, MAX_PREVIEW_BYTES, writeAtomically } from '../../attachments/service.js';
import { extensionFor } from '../../attachments/sniff.js';
import type { Db } from '../../db/open.js';
import { ApiFailure } from '../errors.js';
import type { HostServices } from '../host.js';
import type { HandlerMap } from './types.js';

export function attachmentHandlers(db: Db, host: HostServices | null): HandlerMap<'getAttachmentContent' | 'saveAttachment'> {
  const attachments = new AttachmentService(db);
  const file = (ref: { id: string; n: number }) => {
    try {
      return attachments.file(ref);
    } catch (error) {
      if (error instanceof AttachmentError) throw new ApiFailure(error.code, error.message);
      throw error;
    }
  };
  return {
    getAttachmentContent: ({ id, n, purpose }) => {
      const content = file({ id, n });
      if (purpose !== 'save' && content.size > MAX_PREVIEW_BYTES) {
        throw new ApiFailure(
          'invalid-request',
          `this file is too large to preview (${Math.round(content.size / 1024 / 1024)} MB; the cap is ${MAX_PREVIEW_BYTES / 1024 / 1024} MB): save it instead`,
        );
      }
      return content;
    },
    saveAttachment: async ({ id, n }) => {
      if (host === null) throw new ApiFailure('unavailable', 'this window has no save dialog: download the file instead');
      const content = file({ id, n });
      const extension = extensionFor(content.mediaType);
      const path = await host.chooseSavePath({
        defaultName: content.fileName,
        filters: extension === null ? undefined : [{ name: content.mediaType.split(';', 1)[0]!, extensions: [extension] }],
      });
      if (path === null) return { path: null, size: 0 };
      try {
        // The dialog already asked before replacing an existing file.
        writeAtomically(path, content.bytes);
      } catch (error) {
        if (error instanceof AttachmentError) throw new ApiFailure(error.code, error.message);
        throw error;
      }
      return { path, size: content.size };
    },
  };
}
