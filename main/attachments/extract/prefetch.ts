/**
 * Attachment text extracted ahead of its batch: an import hands each batch's events here
 * before it applies the batch before them, so the workers read one batch's résumés while
 * the main thread writes the last. The batch is then applied with its texts at hand and
 * every full-text row is written once, with the attachment text in it.
 */
import type { AtsEvent } from '../../../shared/ats/events.js';
import type { Db } from '../../db/open.js';
import { decodeContent } from '../decode.js';
import { AttachmentTexts } from '../texts.js';
import { extractText, type Extract, type Extracted } from './index.js';

/** Texts by sha256, of the blobs a batch holds that had none stored when it was read. */
export type BatchTexts = Map<string, Extracted>;

export class TextPrefetch {
  private readonly texts: AttachmentTexts;
  /** Extractions started for batches not applied yet: a résumé in two of them is read once. */
  private readonly inFlight = new Map<string, Promise<Extracted>>();

  constructor(
    db: Db,
    private readonly extract: Extract = extractText,
  ) {
    this.texts = new AttachmentTexts(db);
  }

  /** Starts extracting the new attachments of these events. Never rejects: failures are results. */
  start(events: Iterable<AtsEvent>): Promise<BatchTexts> {
    const started = new Map<string, Promise<Extracted>>();
    for (const event of events) {
      if (event.kind !== 'application.upsert') continue;
      for (const attachment of event.models.attachments ?? []) {
        if (attachment.content === null) continue;
        const decoded = decodeContent(attachment.content);
        if (!decoded.ok || started.has(decoded.sha256)) continue;
        let text = this.inFlight.get(decoded.sha256);
        if (text === undefined) {
          if (this.texts.has(decoded.sha256)) continue;
          text = this.extract(decoded.bytes, decoded.mediaType).catch((error: unknown) => ({
            error: `extraction failed (${(error as Error).message})`,
          }));
          this.inFlight.set(decoded.sha256, text);
        }
        started.set(decoded.sha256, text);
      }
    }
    return Promise.all([...started].map(async ([sha256, text]) => [sha256, await text] as const)).then((entries) => new Map(entries));
  }

  /** The batch is applied: its texts are stored, so later batches find them there. */
  settle(texts: BatchTexts): void {
    for (const sha256 of texts.keys()) this.inFlight.delete(sha256);
  }
}
