/**
 * Plain text, Markdown and JSON, always as text (Markdown is never turned into HTML): JSON
 * laid out for reading, a long file shown up to MAX_TEXT_BYTES with a note, every hit of
 * "Find in document" marked.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { AttachmentFile } from '../../../shared/api/attachments';
import { formatSize } from '../../ui/format';
import { findHits, MAX_HITS, splitByHits } from './find';
import { decodeText } from './text-content';
import { revealHit, type FindProps, type ZoomProps } from './view-props';

interface Shown {
  text: string;
  notes: string[];
}

function useShownText(file: AttachmentFile): Shown | null {
  const [shown, setShown] = useState<Shown | null>(null);
  useEffect(() => {
    let cancelled = false;
    const decoded = decodeText(file.bytes, file.mediaType);
    const notes = decoded.truncated ? [`Showing the first ${formatSize(decoded.shownBytes)} of ${formatSize(file.size)}: Save the file to see all of it.`] : [];
    if (file.kind !== 'json' || decoded.truncated) {
      setShown({ text: decoded.text, notes });
      return;
    }
    void import('./json-format').then(({ formatJson }) => {
      if (cancelled) return;
      const formatted = formatJson(decoded.text);
      setShown({ text: formatted.text, notes: formatted.error === null ? notes : [...notes, `This JSON does not parse (${formatted.error}), so it is shown as written.`] });
    });
    return () => {
      cancelled = true;
    };
  }, [file]);
  return shown;
}

export function TextView({ file, find, activeHit, onHits, scale }: { file: AttachmentFile } & FindProps & Pick<ZoomProps, 'scale'>) {
  const shown = useShownText(file);
  const ref = useRef<HTMLPreElement>(null);
  const text = shown?.text ?? '';
  const hits = useMemo(() => findHits(text, find), [text, find]);
  const runs = useMemo(() => splitByHits(text, hits), [text, hits]);

  useEffect(() => onHits({ count: hits.length, capped: hits.length >= MAX_HITS, searching: false }), [hits, onHits]);
  useEffect(() => revealHit(ref.current, activeHit), [activeHit, runs]);

  if (shown === null) return <p className="preview-loading">Opening…</p>;
  if (text.trim() === '') return <p className="preview-message">This file is empty.</p>;
  return (
    <div className="preview-scroll">
      {shown.notes.map((note) => (
        <p key={note} className="preview-note">
          {note}
        </p>
      ))}
      <pre ref={ref} className={`preview-text${file.kind === 'text' ? '' : ' is-code'}`} style={{ fontSize: `${13 * scale}px` }} tabIndex={0}>
        {runs.map((run, i) =>
          run.hit < 0 ? (
            run.text
          ) : (
            <mark key={i} data-hit={run.hit}>
              {run.text}
            </mark>
          ),
        )}
      </pre>
    </div>
  );
}
