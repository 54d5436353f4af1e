/**
 * HTML letters (and Word files converted to HTML in main), sanitised with DOMPurify and shown
 * in an `<iframe sandbox="">`: no scripts, no same-origin, no forms, no navigation of the
 * window, and a policy that loads nothing from anywhere.
 */
import { useEffect, useState } from 'react';

export function HtmlView({ html, title, notes }: { html: string; title: string; notes: readonly string[] }) {
  const [document, setDocument] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    import('./sanitize-html')
      .then(({ sanitizedDocument }) => {
        if (!cancelled) setDocument(sanitizedDocument(html));
      })
      .catch((reason: unknown) => {
        if (!cancelled) setError(reason instanceof Error ? reason.message : String(reason));
      });
    return () => {
      cancelled = true;
    };
  }, [html]);

  if (error !== null) return <p className="preview-message">This document could not be made safe to show ({error}). Save it to open it elsewhere.</p>;
  if (document === null) return <p className="preview-loading">Opening…</p>;
  return (
    <div className="preview-html">
      <p className="preview-note">Shown without scripts, forms, links or anything from the internet.</p>
      {notes.map((note) => (
        <p key={note} className="preview-note">
          {note}
        </p>
      ))}
      <iframe className="preview-frame" sandbox="" srcDoc={document} title={title} referrerPolicy="no-referrer" />
    </div>
  );
}
