/** Applications carrying given attachments, as upstream sends them (base64 inside the event). */
import { applicationEvent } from './events.js';

export interface AttachmentSpec {
  name: string | null;
  type?: string;
  /** The decoded bytes; absent for a link-only attachment. */
  bytes?: Uint8Array | string;
  /** Sent as the content instead of the base64 of `bytes` (broken base64, say). */
  rawContent?: string;
  encoding?: string;
  link?: string;
}

export function applicationWithAttachments(id: string, attachments: AttachmentSpec[], name: { first?: string; last?: string } = {}) {
  const event = applicationEvent({ id, ...name });
  (event.eventData as Record<string, unknown>).attachments = attachments.map((a) => ({
    type: a.type ?? 'RESUME',
    name: a.name,
    link: a.link ?? null,
    createdAt: '2026-01-10T09:00:00Z',
    attachmentContent:
      a.bytes === undefined && a.rawContent === undefined
        ? null
        : { content: a.rawContent ?? Buffer.from(a.bytes!).toString('base64'), encoding: a.encoding ?? 'BASE64' },
  }));
  return event;
}
