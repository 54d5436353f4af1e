/**
 * Inside the preview dialog: the attachment's facts in a compact header, the tools (previous
 * / next attachment, zoom, "Find in document", Save) and the viewer for what the bytes are.
 * Keys while it is open: Left/Right the previous/next attachment, + and - zoom, Ctrl/Cmd+F
 * find; Escape closes (the dialog's own).
 */
import './preview-pane.css';
import { useCallback, useDeferredValue, useEffect, useRef, useState } from 'react';
import type { AttachmentFile } from '../../../shared/api/attachments';
import type { DetailAttachment } from '../../../shared/api/detail';
import { useApp } from '../../app/store';
import { formatDateTime, formatSize } from '../../ui/format';
import { attachmentTypeLabel, LINK_ONLY_NOTE } from '../detail/Attachments';
import { safeExternalUrl } from '../detail/links';
import { stepHit } from './find';
import { FindBar, NO_HITS, type HitCount } from './FindBar';
import { attachmentDisplayName, hasContent, isFindable, isLinkOnly, isZoomable, MAX_PREVIEW_BYTES, mediaTypeLabel, typeMismatch } from './file-type';
import { CsvView } from './CsvView';
import { HtmlView } from './HtmlView';
import { ImageView } from './ImageView';
import { PdfView } from './PdfView';
import { saveKey, type PreviewContent } from './preview-slice';
import { decodeText } from './text-content';
import { TextView } from './TextView';
import { effectiveScale, zoomIn, zoomOut, zoomPercent, type Zoom } from './zoom';

function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
}

/** What the viewer shows: the kind of what arrived (sniffed again in main), else what the list said. */
function shownKind(attachment: DetailAttachment, content: PreviewContent | null) {
  if (content?.status === 'file') return content.file.kind;
  if (content?.status === 'document') return 'docx';
  return attachment.kind;
}

export default function PreviewPane({ attachment }: { attachment: DetailAttachment }) {
  return <Pane key={attachment.n} attachment={attachment} />;
}

function Pane({ attachment }: { attachment: DetailAttachment }) {
  const content = useApp((s) => s.previewContent);
  const applicationId = useApp((s) => s.previewApplicationId);
  const attachments = useApp((s) => s.previewAttachments);
  const find = useApp((s) => s.previewFind);
  const setFind = useApp((s) => s.setPreviewFind);
  const stepPreview = useApp((s) => s.stepPreview);
  const saveAttachment = useApp((s) => s.saveAttachment);
  const save = useApp((s) => s.attachmentSave);

  const [zoom, setZoom] = useState<Zoom>('fit');
  const [fitScale, setFitScale] = useState(1);
  const [hits, setHits] = useState<HitCount>(NO_HITS);
  const [activeHit, setActiveHit] = useState(0);
  const deferredFind = useDeferredValue(find);
  const findInput = useRef<HTMLInputElement>(null);
  const pane = useRef<HTMLDivElement>(null);

  const kind = shownKind(attachment, content);
  const ready = content?.status === 'file' || content?.status === 'document';
  const findable = ready && kind !== null && isFindable(kind);
  const zoomable = ready && kind !== null && isZoomable(kind);
  const position = attachments.findIndex((candidate) => candidate.n === attachment.n);
  const title = attachmentDisplayName(attachment);
  const canSave = hasContent(attachment) && applicationId !== null;
  const saving = applicationId !== null && save?.key === saveKey(applicationId, attachment.n) ? save : null;

  useEffect(() => setActiveHit(0), [deferredFind]);

  const onFind = useCallback((delta: 1 | -1) => setActiveHit((current) => stepHit(current, hits.count, delta)), [hits.count]);
  const onFitScale = useCallback((scale: number) => setFitScale((current) => (Math.abs(current - scale) < 0.001 ? current : scale)), []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const dialog = pane.current?.closest('dialog');
      if (event.defaultPrevented || event.altKey || dialog === null || dialog === undefined || !dialog.open) return;
      if (event.target instanceof Node && event.target !== document.body && !dialog.contains(event.target)) return;
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f') {
        if (!findable) return;
        event.preventDefault();
        findInput.current?.focus();
        findInput.current?.select();
        return;
      }
      if (event.ctrlKey || event.metaKey || isTextEntry(event.target)) return;
      switch (event.key) {
        case 'ArrowLeft':
        case 'ArrowRight':
          event.preventDefault();
          stepPreview(event.key === 'ArrowLeft' ? -1 : 1);
          return;
        case '+':
        case '=':
          if (!zoomable) return;
          event.preventDefault();
          setZoom((current) => zoomIn(current, fitScale));
          return;
        case '-':
        case '_':
          if (!zoomable) return;
          event.preventDefault();
          setZoom((current) => zoomOut(current, fitScale));
          return;
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [findable, zoomable, fitScale, stepPreview]);

  const mismatch = typeMismatch(attachment);
  const scale = effectiveScale(zoom, fitScale);
  return (
    <div ref={pane} className="preview-pane">
      <div className="preview-head">
        <dl className="preview-facts">
          <div>
            <dt>Type</dt>
            <dd>{attachmentTypeLabel(attachment.type)}</dd>
          </div>
          <div>
            <dt>File</dt>
            <dd>
              {attachment.mediaType === null ? (isLinkOnly(attachment) ? 'Link only' : 'No content') : mediaTypeLabel(attachment.mediaType)}
              {mismatch !== null && (
                <span className="badge badge-warning type-mismatch" title="The file’s name says one type, its content is another: it is shown as what it is.">
                  {mismatch}
                </span>
              )}
            </dd>
          </div>
          {attachment.size !== null && (
            <div>
              <dt>Size</dt>
              <dd>{formatSize(attachment.size)}</dd>
            </div>
          )}
          <div>
            <dt>Added</dt>
            <dd>{formatDateTime(attachment.createdAt)}</dd>
          </div>
        </dl>
        <div className="preview-tools">
          {attachments.length > 1 && (
            <div className="preview-tool-group" aria-label="Attachments of this application" role="group">
              <button type="button" className="btn btn-small btn-ghost" onClick={() => stepPreview(-1)} disabled={position <= 0} title="Previous attachment (←)">
                ‹ Previous
              </button>
              <span className="preview-position">
                {position + 1} of {attachments.length}
              </span>
              <button type="button" className="btn btn-small btn-ghost" onClick={() => stepPreview(1)} disabled={position < 0 || position >= attachments.length - 1} title="Next attachment (→)">
                Next ›
              </button>
            </div>
          )}
          {zoomable && (
            <div className="preview-tool-group" role="group" aria-label="Zoom">
              <button type="button" className="btn btn-small btn-ghost" onClick={() => setZoom(zoomOut(zoom, fitScale))} aria-label="Zoom out" title="Zoom out (-)">
                −
              </button>
              <span className="preview-zoom" aria-live="polite">
                {zoomPercent(zoom, fitScale)}
              </span>
              <button type="button" className="btn btn-small btn-ghost" onClick={() => setZoom(zoomIn(zoom, fitScale))} aria-label="Zoom in" title="Zoom in (+)">
                +
              </button>
              <button type="button" className="btn btn-small btn-ghost" onClick={() => setZoom('fit')} aria-pressed={zoom === 'fit'}>
                {kind === 'pdf' ? 'Fit width' : 'Fit'}
              </button>
            </div>
          )}
          {findable && <FindBar ref={findInput} value={find} onChange={setFind} hits={hits} active={activeHit} onStep={onFind} />}
          <div className="preview-save">
            {saving !== null && (
              <span role="status" className={`attachment-save is-${saving.status}`}>
                {saving.message}
              </span>
            )}
            {canSave && (
              <button type="button" className="btn btn-small btn-primary" onClick={() => void saveAttachment(applicationId, attachment)} disabled={saving?.status === 'saving'}>
                Save
              </button>
            )}
          </div>
        </div>
      </div>
      <div className="preview-stage" aria-busy={content?.status === 'loading'}>
        <Viewer attachment={attachment} content={content} title={title} find={deferredFind} activeHit={activeHit} onHits={setHits} scale={scale} onFitScale={onFitScale} />
      </div>
    </div>
  );
}

interface ViewerProps {
  attachment: DetailAttachment;
  content: PreviewContent | null;
  title: string;
  find: string;
  activeHit: number;
  onHits(hits: HitCount): void;
  scale: number;
  onFitScale(scale: number): void;
}

function Viewer({ attachment, content, title, ...view }: ViewerProps) {
  if (content === null || content.status === 'loading') return <p className="preview-loading">Opening…</p>;
  if (content.status === 'none') return <Unavailable attachment={attachment} />;
  if (content.status === 'failed') {
    const reason = content.error.message.replace(/[.\s]+$/, '');
    const advice = hasContent(attachment) && !/\bsave\b/i.test(reason) ? ' Save it to open it elsewhere.' : '';
    return (
      <p className="preview-message" role="alert">
        This file cannot be shown: {reason}.{advice}
      </p>
    );
  }
  if (content.status === 'document') {
    const notes = content.document.warnings.length > 0 ? [`Some of the document could not be carried over: ${content.document.warnings.join('; ')}`] : [];
    return <HtmlView html={content.document.html} title={title} notes={notes} />;
  }
  return <FileViewer file={content.file} title={title} {...view} />;
}

function FileViewer({ file, title, find, activeHit, onHits, scale, onFitScale }: Omit<ViewerProps, 'attachment' | 'content'> & { file: AttachmentFile }) {
  switch (file.kind) {
    case 'pdf':
      return <PdfView bytes={file.bytes} scale={scale} onFitScale={onFitScale} find={find} activeHit={activeHit} onHits={onHits} />;
    case 'image':
    case 'svg':
      return <ImageView file={file} title={title} scale={scale} onFitScale={onFitScale} />;
    case 'text':
    case 'markdown':
    case 'json':
      return <TextView file={file} find={find} activeHit={activeHit} onHits={onHits} scale={scale} />;
    case 'csv':
      return <CsvView file={file} title={title} find={find} activeHit={activeHit} onHits={onHits} scale={scale} />;
    case 'html': {
      const decoded = decodeText(file.bytes, file.mediaType);
      const notes = decoded.truncated ? [`Showing the first ${formatSize(decoded.shownBytes)} of ${formatSize(file.size)}.`] : [];
      return <HtmlView html={decoded.text} title={title} notes={notes} />;
    }
    case 'docx':
      // Word files arrive converted (PreviewContent 'document'); bytes of one mean main could not convert it.
      return <p className="preview-message">This Word document could not be converted for the preview. Save it to open it in a word processor.</p>;
    case 'rtf':
      return <p className="preview-message">RTF documents cannot be previewed here. Save it to open it in a word processor.</p>;
    default:
      return (
        <p className="preview-message">
          Candidate Viewer cannot preview this kind of file ({mediaTypeLabel(file.mediaType)}). Save it to open it with another app.
        </p>
      );
  }
}

function Unavailable({ attachment }: { attachment: DetailAttachment }) {
  if (isLinkOnly(attachment)) {
    const link = safeExternalUrl(attachment.link);
    return (
      <div className="preview-message preview-link-only">
        <p>{LINK_ONLY_NOTE} Candidate Viewer never fetches it itself.</p>
        {link !== null ? (
          <p>
            <a href={link} target="_blank" rel="noopener noreferrer">
              Open in the browser
            </a>{' '}
            <span className="muted break">{link}</span>
          </p>
        ) : (
          <p>
            It is not a web address, so it is not opened: <span className="break">{attachment.link}</span>
          </p>
        )}
      </div>
    );
  }
  if (attachment.error !== null) return <p className="preview-message">This file could not be decoded when it was synced: {attachment.error}.</p>;
  if (attachment.size !== null && attachment.size > MAX_PREVIEW_BYTES) {
    return (
      <p className="preview-message">
        This file is too large to preview ({formatSize(attachment.size)}; previews stop at {formatSize(MAX_PREVIEW_BYTES)}). Save it to open it with another app.
      </p>
    );
  }
  return <p className="preview-message">This attachment has no content and no link.</p>;
}
