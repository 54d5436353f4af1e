import { beforeEach, describe, expect, it } from 'vitest';
import type { AttachmentFile } from '../../../shared/api/attachments';
import type { ApiClient, ApiError, Envelope } from '../../../shared/api/contract';
import type { ApplicationDetail, DetailAttachment } from '../../../shared/api/detail';
import { disconnectedClient } from '../../api/client';
import { appStore, resetStore } from '../../app/store';
import { settle } from '../../testing/fake-api';

const state = () => appStore.getState();

function attachment(n: number, extra: Partial<DetailAttachment> = {}): DetailAttachment {
  return {
    n,
    type: 'RESUME',
    name: `cv-${n}.pdf`,
    link: null,
    createdAt: null,
    size: 1000,
    mediaType: 'application/pdf',
    declaredMediaType: 'application/pdf',
    kind: 'pdf',
    fileName: `cv-${n}.pdf`,
    error: null,
    ...extra,
  };
}

function detail(id: string, attachments: DetailAttachment[]): ApplicationDetail {
  return {
    id,
    candidate: { id: 'c', name: 'Ana', firstName: 'Ana', lastName: null, location: null, emails: [], phones: [], links: [] },
    job: { id: null, title: null, status: null, departments: null },
    stage: { id: null, text: null },
    status: null,
    origin: null,
    owner: null,
    creditedTo: null,
    appliedAt: null,
    updatedAt: null,
    syncedAt: '2026-01-01T00:00:00.000Z',
    deletedAt: null,
    interviews: [],
    offers: [],
    rejection: null,
    attachments,
    timeline: [],
  };
}

function file(n: number): AttachmentFile {
  return { fileName: `cv-${n}.pdf`, mediaType: 'application/pdf', kind: 'pdf', size: 3, sha256: 'x', bytes: new Uint8Array([n, n, n]) };
}

/** Content answers wait until the test releases them, to see what the store does meanwhile. */
function api(applications: ApplicationDetail[]) {
  const asked: { method: string; id: string; n?: number; purpose?: string }[] = [];
  const waiting: (() => void)[] = [];
  const held = <T,>(value: Envelope<T>) => new Promise<Envelope<T>>((resolve) => waiting.push(() => resolve(value)));
  const base = disconnectedClient();
  const client: ApiClient = {
    ...base,
    getApplication: async ({ id }) => {
      asked.push({ method: 'getApplication', id });
      const found = applications.find((application) => application.id === id);
      return found === undefined ? { ok: false, error: { code: 'not-found', message: 'gone' } } : { ok: true, value: found };
    },
    getAttachmentContent: ({ id, n, purpose }) => {
      asked.push({ method: 'getAttachmentContent', id, n, purpose });
      return held({ ok: true, value: file(n) });
    },
  };
  return {
    client,
    asked,
    async release() {
      while (waiting.length > 0) waiting.shift()!();
      await settle();
    },
  };
}

let fake: ReturnType<typeof api>;
const three = detail('app-1', [attachment(1), attachment(2, { kind: 'image', mediaType: 'image/png' }), attachment(3, { link: 'https://ats.example/f', size: null, kind: null, mediaType: null })]);

beforeEach(async () => {
  fake = api([three, detail('app-2', [attachment(1)])]);
  resetStore({ api: fake.client, storage: null });
  state().loadDetail('app-1');
  await settle();
});

describe('the preview', () => {
  it('opens an attachment of the application in the pane and asks for its bytes for a preview', async () => {
    state().openPreview(three.attachments[0]!);
    expect(state().previewAttachment?.n).toBe(1);
    expect(state().previewContent).toEqual({ status: 'loading' });
    expect(fake.asked.at(-1)).toEqual({ method: 'getAttachmentContent', id: 'app-1', n: 1, purpose: 'preview' });
    await fake.release();
    expect(state().previewContent).toMatchObject({ status: 'file', file: { bytes: new Uint8Array([1, 1, 1]) } });
  });

  it('holds the bytes of the open attachment only, and none once closed', async () => {
    state().openPreview(three.attachments[0]!);
    await fake.release();
    state().stepPreview(1);
    expect(state().previewAttachment?.n).toBe(2);
    expect(state().previewContent).toEqual({ status: 'loading' });
    await fake.release();
    expect(state().previewContent).toMatchObject({ status: 'file', file: { bytes: new Uint8Array([2, 2, 2]) } });
    state().closePreview();
    expect(state().previewContent).toBeNull();
    expect(state().previewAttachment).toBeNull();
  });

  it('drops an answer for an attachment no longer open', async () => {
    state().openPreview(three.attachments[0]!);
    state().closePreview();
    await fake.release();
    expect(state().previewContent).toBeNull();
    state().openPreview(three.attachments[0]!);
    state().stepPreview(1);
    await fake.release();
    expect(state().previewContent).toMatchObject({ status: 'file', file: { bytes: new Uint8Array([2, 2, 2]) } });
  });

  it('never fetches a link-only attachment, one that could not be decoded, or one over the cap', () => {
    for (const shown of [three.attachments[2]!, attachment(4, { size: null, error: 'invalid base64' }), attachment(5, { size: 60 * 1024 * 1024 })]) {
      const before = fake.asked.length;
      state().openPreview(shown);
      expect(state().previewContent).toEqual({ status: 'none' });
      expect(fake.asked.length).toBe(before);
    }
  });

  it('stays on the first and last attachment at the ends', () => {
    state().openPreview(three.attachments[0]!);
    state().stepPreview(-1);
    expect(state().previewAttachment?.n).toBe(1);
    state().openPreview(three.attachments[2]!);
    state().stepPreview(1);
    expect(state().previewAttachment?.n).toBe(3);
  });

  it('starts "Find in document" with the list’s search words', () => {
    appStore.setState({ filters: { ...state().filters, q: '  kubernetes ' } });
    state().openPreview(three.attachments[0]!);
    expect(state().previewFind).toBe('kubernetes');
    state().closePreview();
    appStore.setState({ filters: { ...state().filters, q: '--' } });
    state().openPreview(three.attachments[0]!);
    expect(state().previewFind).toBe('');
  });

  it('opens the attachment a search hit names, selecting its application', async () => {
    appStore.setState({ filters: { ...state().filters, q: 'kubernetes' } });
    state().openMatchedAttachment('app-2', 4, 1);
    expect(state().selectedId).toBe('app-2');
    await settle();
    expect(state().previewApplicationId).toBe('app-2');
    expect(state().previewAttachment?.n).toBe(1);
    expect(state().previewFind).toBe('kubernetes');
  });

  it('closes when the pane moves to another application', async () => {
    state().openPreview(three.attachments[0]!);
    state().loadDetail('app-2');
    expect(state().previewAttachment).toBeNull();
    expect(state().previewContent).toBeNull();
  });
});

describe('Save', () => {
  it('reports where the desktop’s dialog saved the file, and nothing when it was cancelled', async () => {
    let path: string | null = '/home/ana/cv-1.pdf';
    resetStore({ api: { ...fake.client, saveAttachment: async () => ({ ok: true, value: { path, size: 3 } }) }, storage: null });
    state().loadDetail('app-1');
    await settle();
    await state().saveAttachment('app-1', three.attachments[0]!);
    expect(state().attachmentSave).toMatchObject({ status: 'saved', message: 'Saved to /home/ana/cv-1.pdf' });
    path = null;
    await state().saveAttachment('app-1', three.attachments[0]!);
    expect(state().attachmentSave).toBeNull();
  });

  it('says why a save failed', async () => {
    const refused: ApiError = { code: 'failed', message: 'no permission to write /x' };
    resetStore({ api: { ...fake.client, saveAttachment: async () => ({ ok: false, error: refused }) }, storage: null });
    await state().saveAttachment('app-1', three.attachments[0]!);
    expect(state().attachmentSave).toMatchObject({ status: 'failed', message: 'Could not save: no permission to write /x' });
  });

  it('downloads in the web face, asking for the bytes to save, not to preview', async () => {
    const unavailable: ApiError = { code: 'unavailable', message: 'this window has no save dialog' };
    const content: ApiError = { code: 'not-found', message: 'attachment 1 has no content' };
    resetStore({
      api: {
        ...fake.client,
        saveAttachment: async () => ({ ok: false, error: unavailable }),
        getAttachmentContent: async (request) => {
          fake.asked.push({ method: 'getAttachmentContent', id: request.id, n: request.n, purpose: request.purpose });
          return { ok: false, error: content };
        },
      },
      storage: null,
    });
    await state().saveAttachment('app-1', three.attachments[0]!);
    expect(fake.asked.at(-1)).toEqual({ method: 'getAttachmentContent', id: 'app-1', n: 1, purpose: 'save' });
    expect(state().attachmentSave).toMatchObject({ status: 'failed', message: 'Could not save: attachment 1 has no content' });
  });
});
