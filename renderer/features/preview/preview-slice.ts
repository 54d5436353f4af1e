/**
 * The attachment preview: which attachment of which application is open, and the bytes of
 * that one only (dropped on close or when another opens). "Find in document" starts with
 * the list's search, so a file opened from a search hit shows where it matched. Save goes
 * through the desktop's dialog, or becomes a download in the web face.
 */
import type { AttachmentFile, AttachmentHtml } from '../../../shared/api/attachments';
import type { ApiError } from '../../../shared/api/contract';
import type { DetailAttachment } from '../../../shared/api/detail';
import type { SliceCreator } from '../../app/store-context';
import { searchTerms } from '../search/highlight';
import { downloadFile } from './download';
import { attachmentDisplayName, hasContent, MAX_PREVIEW_BYTES } from './file-type';

export type PreviewContent =
  /** Nothing to fetch: a link, content that could not be decoded at sync, or a file over the cap. */
  | { status: 'none' }
  | { status: 'loading' }
  | { status: 'file'; file: AttachmentFile }
  /** A Word document converted to HTML in main. */
  | { status: 'document'; document: AttachmentHtml }
  | { status: 'failed'; error: ApiError };

export interface AttachmentSave {
  /** saveKey(application, n) of the attachment. */
  key: string;
  status: 'saving' | 'saved' | 'failed';
  message: string;
}

export interface PreviewSlice {
  /** The attachment whose preview dialog is open. */
  previewAttachment: DetailAttachment | null;
  previewApplicationId: string | null;
  /** The application's attachments, for Left/Right. */
  previewAttachments: readonly DetailAttachment[];
  previewContent: PreviewContent | null;
  /** What "Find in document" looks for. */
  previewFind: string;
  /** The last Save and how it went (one at a time is all the window shows). */
  attachmentSave: AttachmentSave | null;

  /** Opens an attachment of the application in the detail pane. */
  openPreview(attachment: DetailAttachment): void;
  /** Opens attachment `n` of an application from a search hit in the list (selecting its row). */
  openMatchedAttachment(applicationId: string, index: number | null, n: number): void;
  /** The previous (-1) or next (1) attachment of the same application. */
  stepPreview(delta: -1 | 1): void;
  setPreviewFind(text: string): void;
  closePreview(): void;
  saveAttachment(applicationId: string, attachment: DetailAttachment): Promise<void>;
}

export function saveKey(applicationId: string, n: number): string {
  return `${applicationId}\u0000${n}`;
}

/** Whether the preview asks main for this attachment's bytes. */
export function previewFetches(attachment: DetailAttachment): boolean {
  return hasContent(attachment) && (attachment.size ?? 0) <= MAX_PREVIEW_BYTES;
}

export const createPreviewSlice: SliceCreator<PreviewSlice> = (set, get, ctx) => {
  /** Goes up with every open, step and close: answers for an attachment no longer open are dropped. */
  let request = 0;

  const show = (applicationId: string, attachments: readonly DetailAttachment[], attachment: DetailAttachment) => {
    request += 1;
    const mine = request;
    const fetches = previewFetches(attachment);
    set({
      previewApplicationId: applicationId,
      previewAttachments: attachments,
      previewAttachment: attachment,
      previewContent: fetches ? { status: 'loading' } : { status: 'none' },
    });
    if (!fetches) return;
    const ref = { id: applicationId, n: attachment.n };
    const landed = (content: PreviewContent) => {
      if (ctx.alive() && mine === request) set({ previewContent: content });
    };
    if (attachment.kind === 'docx') {
      void ctx.api.getAttachmentHtml(ref).then((answer) => landed(answer.ok ? { status: 'document', document: answer.value } : { status: 'failed', error: answer.error }));
    } else {
      void ctx.api
        .getAttachmentContent({ ...ref, purpose: 'preview' })
        .then((answer) => landed(answer.ok ? { status: 'file', file: answer.value } : { status: 'failed', error: answer.error }));
    }
  };

  /** The list's search, when it has words, so the file opens showing where they are. */
  const searchWords = () => (searchTerms(get().filters.q).length > 0 ? get().filters.q.trim() : '');

  return {
    previewAttachment: null,
    previewApplicationId: null,
    previewAttachments: [],
    previewContent: null,
    previewFind: '',
    attachmentSave: null,

    openPreview(attachment) {
      const detail = get().detail;
      if (detail === null) return;
      set({ previewFind: searchWords() });
      show(detail.id, detail.attachments, attachment);
    },

    openMatchedAttachment(applicationId, index, n) {
      // Selecting another application closes any open preview: do it before this one is asked for.
      get().select(applicationId, index, 'pointer');
      request += 1;
      const mine = request;
      void ctx.api.getApplication({ id: applicationId }).then((answer) => {
        if (!ctx.alive() || mine !== request || !answer.ok) return;
        const attachment = answer.value.attachments.find((candidate) => candidate.n === n);
        if (attachment === undefined) return;
        set({ previewFind: searchWords() });
        show(applicationId, answer.value.attachments, attachment);
      });
    },

    stepPreview(delta) {
      const { previewAttachment, previewAttachments, previewApplicationId } = get();
      if (previewAttachment === null || previewApplicationId === null) return;
      const at = previewAttachments.findIndex((candidate) => candidate.n === previewAttachment.n);
      const next = previewAttachments[at + delta];
      if (at < 0 || next === undefined) return;
      show(previewApplicationId, previewAttachments, next);
    },

    setPreviewFind(text) {
      set({ previewFind: text });
    },

    closePreview() {
      request += 1;
      if (get().previewAttachment === null && get().previewContent === null) return;
      set({ previewAttachment: null, previewApplicationId: null, previewAttachments: [], previewContent: null, previewFind: '' });
    },

    async saveAttachment(applicationId, attachment) {
      const key = saveKey(applicationId, attachment.n);
      const ref = { id: applicationId, n: attachment.n };
      const mine = () => ctx.alive() && get().attachmentSave?.key === key;
      const landed = (status: AttachmentSave['status'], message: string) => {
        if (mine()) set({ attachmentSave: { key, status, message } });
      };
      set({ attachmentSave: { key, status: 'saving', message: `Saving ${attachmentDisplayName(attachment)}…` } });
      const saved = await ctx.api.saveAttachment(ref);
      if (saved.ok) {
        if (saved.value.path !== null) landed('saved', `Saved to ${saved.value.path}`);
        else if (mine()) set({ attachmentSave: null });
        return;
      }
      if (saved.error.code !== 'unavailable') {
        landed('failed', `Could not save: ${saved.error.message}`);
        return;
      }
      // No save dialog here (the web face): the browser downloads the bytes instead.
      const content = await ctx.api.getAttachmentContent({ ...ref, purpose: 'save' });
      if (!mine()) return;
      if (!content.ok) {
        landed('failed', `Could not save: ${content.error.message}`);
        return;
      }
      try {
        downloadFile(content.value);
        landed('saved', `Downloaded as ${content.value.fileName}`);
      } catch (error) {
        landed('failed', `Could not save: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
  };
};
