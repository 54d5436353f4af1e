/** One attachment's bytes for the preview, a Word document as HTML, and Save through the desktop's dialog. */
import type { AttachmentRef } from '../../../shared/api/attachments.js';
import { docxToHtml } from '../../attachments/extract/index.js';
import { AttachmentError, AttachmentService, MAX_PREVIEW_BYTES, writeAtomically } from '../../attachments/service.js';
import { extensionFor } from '../../attachments/sniff.js';
import type { Db } from '../../db/open.js';
import { ApiFailure } from '../errors.js';
import type { HostServices } from '../host.js';
import type { HandlerMap } from './types.js';

/** Runs `use`, turning the service's refusals into the contract's errors. */
function served<T>(use: () => T): T {
  try {
    return use();
  } catch (error) {
    if (error instanceof AttachmentError) throw new ApiFailure(error.code, error.message);
    throw error;
  }
}

export function attachmentHandlers(db: Db, host: HostServices | null): HandlerMap<'getAttachmentContent' | 'saveAttachment' | 'getAttachmentHtml'> {
  const attachments = new AttachmentService(db);
  const preview = (ref: AttachmentRef) => served(() => attachments.file(ref, { maxBytes: MAX_PREVIEW_BYTES }));
  return {
    getAttachmentContent: ({ id, n, purpose }) => (purpose === 'save' ? served(() => attachments.file({ id, n })) : preview({ id, n })),

    getAttachmentHtml: async ({ id, n }) => {
      const file = preview({ id, n });
      if (file.kind !== 'docx') {
        throw new ApiFailure('invalid-request', `attachment ${n} is not a Word document (its bytes are ${file.mediaType}): only DOCX is converted to HTML`);
      }
      try {
        return await docxToHtml(file.bytes);
      } catch (error) {
        throw new ApiFailure('failed', `this Word document cannot be shown: ${(error as Error).message}`);
      }
    },

    saveAttachment: async ({ id, n }) => {
      if (host === null) throw new ApiFailure('unavailable', 'this window has no save dialog: download the file instead');
      const file = served(() => attachments.file({ id, n }));
      const extension = extensionFor(file.mediaType);
      const path = await host.chooseSavePath({
        defaultName: file.fileName,
        filters: extension === null ? undefined : [{ name: file.mediaType.split(';', 1)[0]!, extensions: [extension] }],
      });
      if (path === null) return { path: null, size: 0 };
      // The dialog already asked before replacing an existing file.
      served(() => writeAtomically(path, file.bytes, { overwrite: true }));
      return { path, size: file.size };
    },
  };
}
