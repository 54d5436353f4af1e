/**
 * A PDF with pdf.js: every page is a placeholder sized from page 1 until it scrolls near the
 * view, and only then is it fetched and drawn (so a 100-page file opens as fast as a 1-page
 * one), and drawn again at a new zoom; pages far from view give their canvas back. Each
 * drawn page carries pdf.js's selectable text layer, the hits of "Find in document"
 * (searched over every page's text, marked in the text layer) and its web links as anchors.
 */
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type RefObject } from 'react';
import { searchTerms } from '../search/highlight';
import { findTermHits, MAX_HITS } from './find';
import { isCancellation, pdfErrorMessage } from './pdf-errors';
import { pdfLinkHref, pdfLinkRect } from './pdf-links';
import { hitsByRun, pageText, type RunHit } from './pdf-text';
import type { PDFDocumentProxy, PDFPageProxy, TextContent } from './pdfjs';
import type { FindProps, ZoomProps } from './view-props';

type PdfJs = typeof import('./pdfjs');

/** Pages shown at most; a file claiming more is cut with a note (Save has it whole). */
export const MAX_PDF_PAGES = 2000;
/** A canvas larger than this many pixels draws at a lower resolution rather than exhaust memory. */
const MAX_CANVAS_PIXELS = 16 * 1024 * 1024;
/** Gap around pages, in CSS pixels (kept in step with preview.css). */
const PAGE_GUTTER = 16;
/** Pages within this distance of the view are drawn before they arrive. */
const NEAR_MARGIN = '150% 0px';

interface Loaded {
  lib: PdfJs;
  doc: PDFDocumentProxy;
  /** Page 1's size at 100%, in CSS pixels: the size of every page not yet drawn. */
  base: { width: number; height: number };
}

interface PageHits {
  /** The number of the page's first hit in the document. */
  first: number;
  count: number;
  byRun: Map<number, RunHit[]>;
}

interface PdfViewProps extends FindProps, ZoomProps {
  bytes: Uint8Array;
}

export function PdfView({ bytes, scale, onFitScale, find, activeHit, onHits }: PdfViewProps) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const scroller = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let cancelled = false;
    let opened = false;
    let lib: PdfJs | null = null;
    let task: ReturnType<PdfJs['openPdf']> | null = null;
    void (async () => {
      lib = await import('./pdfjs');
      if (cancelled) return;
      task = lib.openPdf(bytes);
      const doc = await task.promise;
      const first = await doc.getPage(1);
      const viewport = first.getViewport({ scale: lib.CSS_UNITS });
      opened = true;
      if (!cancelled) setLoaded({ lib, doc, base: { width: viewport.width, height: viewport.height } });
    })().catch((error: unknown) => {
      lib?.resetPdfWorker();
      if (!cancelled) setFailure(pdfErrorMessage(error));
    });
    return () => {
      cancelled = true;
      void task?.destroy();
      // Closed while pdf.js was still reading the file: it may be stuck on it.
      if (!opened && task !== null) lib?.resetPdfWorker();
    };
  }, [bytes]);

  // Fit width: the scroller's width less the gutters, over page 1's width.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (element === null || loaded === null) return;
    const fit = () => onFitScale(Math.max(0.1, (element.clientWidth - 2 * PAGE_GUTTER) / loaded.base.width));
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(element);
    return () => observer.disconnect();
  }, [loaded, onFitScale]);

  if (failure !== null) return <p className="preview-message">{failure}</p>;
  return (
    <div ref={scroller} className="preview-scroll pdf-scroller" tabIndex={0} aria-busy={loaded === null}>
      {loaded === null ? <p className="preview-loading">Opening the PDF…</p> : <PdfPages loaded={loaded} scroller={scroller} scale={scale} find={find} activeHit={activeHit} onHits={onHits} />}
    </div>
  );
}

interface PdfPagesProps extends FindProps {
  loaded: Loaded;
  scroller: RefObject<HTMLDivElement | null>;
  scale: number;
}

function PdfPages({ loaded, scroller, scale, find, activeHit, onHits }: PdfPagesProps) {
  const { doc } = loaded;
  const pageCount = Math.min(doc.numPages, MAX_PDF_PAGES);
  const [near, setNear] = useState<ReadonlySet<number>>(() => new Set([0]));
  const [hits, setHits] = useState<readonly (PageHits | undefined)[] | null>(null);
  const pageElements = useRef(new Map<number, HTMLElement>());
  const observer = useRef<IntersectionObserver | null>(null);
  const texts = useRef(new Map<number, Promise<TextContent>>());
  /** The hit the view should scroll to once its page's text layer is drawn. */
  const pendingReveal = useRef<number | null>(null);

  const textOf = useCallback(
    (index: number): Promise<TextContent> => {
      let text = texts.current.get(index);
      if (text === undefined) {
        text = doc.getPage(index + 1).then((page) => page.getTextContent());
        texts.current.set(index, text);
      }
      return text;
    },
    [doc],
  );

  useEffect(() => {
    const root = scroller.current;
    if (root === null) return;
    const watcher = new IntersectionObserver(
      (entries) => {
        setNear((current) => {
          const next = new Set(current);
          for (const entry of entries) {
            const index = Number((entry.target as HTMLElement).dataset.pageIndex);
            if (entry.isIntersecting) next.add(index);
            else next.delete(index);
          }
          return next;
        });
      },
      { root, rootMargin: NEAR_MARGIN },
    );
    observer.current = watcher;
    for (const element of pageElements.current.values()) watcher.observe(element);
    return () => {
      watcher.disconnect();
      observer.current = null;
    };
  }, [scroller]);

  const register = useCallback((index: number, element: HTMLElement | null) => {
    const previous = pageElements.current.get(index);
    if (previous !== undefined && previous !== element) observer.current?.unobserve(previous);
    if (element === null) {
      pageElements.current.delete(index);
    } else {
      pageElements.current.set(index, element);
      observer.current?.observe(element);
    }
  }, []);

  // Keep the same part of the document in view when the zoom changes.
  const position = useRef(0);
  useEffect(() => {
    const element = scroller.current;
    if (element === null) return;
    const onScroll = () => {
      position.current = element.scrollHeight > 0 ? element.scrollTop / element.scrollHeight : 0;
    };
    element.addEventListener('scroll', onScroll, { passive: true });
    return () => element.removeEventListener('scroll', onScroll);
  }, [scroller]);
  useLayoutEffect(() => {
    const element = scroller.current;
    if (element !== null) element.scrollTop = position.current * element.scrollHeight;
  }, [scale, scroller]);

  // Find: every page's text, in order, the count growing as pages are read.
  useEffect(() => {
    const terms = searchTerms(find);
    if (terms.length === 0) {
      setHits(null);
      onHits({ count: 0, capped: false, searching: false });
      return;
    }
    let cancelled = false;
    const found: (PageHits | undefined)[] = new Array<PageHits | undefined>(pageCount);
    let total = 0;
    onHits({ count: 0, capped: false, searching: true });
    void (async () => {
      for (let index = 0; index < pageCount && total < MAX_HITS; index++) {
        let content: TextContent;
        try {
          content = await textOf(index);
        } catch {
          // A page whose text cannot be read has no hits; its drawing says what went wrong.
          continue;
        }
        if (cancelled) return;
        const text = pageText(content.items);
        const pageHits = findTermHits(text.text, terms, MAX_HITS - total);
        if (pageHits.length > 0) {
          found[index] = { first: total, count: pageHits.length, byRun: hitsByRun(text, pageHits, total) };
          total += pageHits.length;
          setHits([...found]);
          onHits({ count: total, capped: false, searching: index < pageCount - 1 });
        }
      }
      if (cancelled) return;
      setHits([...found]);
      onHits({ count: total, capped: total >= MAX_HITS, searching: false });
    })();
    return () => {
      cancelled = true;
    };
  }, [find, pageCount, textOf, onHits]);

  // The active hit: scroll its page into view; the page reveals the hit itself once drawn.
  const activePage = useMemo(() => hits?.findIndex((page) => page !== undefined && activeHit >= page.first && activeHit < page.first + page.count) ?? -1, [hits, activeHit]);
  useEffect(() => {
    if (activePage < 0) return;
    const element = pageElements.current.get(activePage);
    const root = scroller.current;
    if (element === undefined || root === null) return;
    const mark = element.querySelector(`[data-hit="${activeHit}"]`);
    if (mark !== null) {
      mark.scrollIntoView({ block: 'center', inline: 'nearest' });
      pendingReveal.current = null;
      return;
    }
    // Not drawn yet: bring the page near; it reveals the hit once its text layer is in.
    pendingReveal.current = activeHit;
    const top = element.offsetTop - PAGE_GUTTER;
    if (top < root.scrollTop || top + element.offsetHeight > root.scrollTop + root.clientHeight) root.scrollTop = top;
    // Scroll events of this jump must not undo it on the next zoom.
    position.current = root.scrollHeight > 0 ? root.scrollTop / root.scrollHeight : 0;
  }, [activePage, activeHit, scroller]);

  const takeReveal = useCallback((hit: number) => {
    if (pendingReveal.current !== hit) return false;
    pendingReveal.current = null;
    return true;
  }, []);

  const { base, lib } = loaded;
  return (
    <>
      {doc.numPages > MAX_PDF_PAGES && (
        <p className="preview-note">
          Showing the first {MAX_PDF_PAGES} of {doc.numPages} pages: Save the file to see all of them.
        </p>
      )}
      <div className="pdf-pages" data-page-count={pageCount}>
        {Array.from({ length: pageCount }, (_, index) => (
          <PdfPage
            key={index}
            lib={lib}
            doc={doc}
            index={index}
            scale={scale}
            placeholder={base}
            near={near.has(index)}
            hits={hits?.[index]}
            activeHit={index === activePage ? activeHit : -1}
            textOf={textOf}
            register={register}
            takeReveal={takeReveal}
          />
        ))}
      </div>
    </>
  );
}

interface PdfPageProps {
  lib: PdfJs;
  doc: PDFDocumentProxy;
  index: number;
  scale: number;
  placeholder: { width: number; height: number };
  near: boolean;
  hits: PageHits | undefined;
  /** The active hit when it is on this page, else -1. */
  activeHit: number;
  textOf(index: number): Promise<TextContent>;
  register(index: number, element: HTMLElement | null): void;
  takeReveal(hit: number): boolean;
}

interface PageLink {
  href: string;
  rect: [number, number, number, number];
}

interface TextLayerState {
  divs: HTMLElement[];
  strings: string[];
}

const PdfPage = memo(function PdfPage({ lib, doc, index, scale, placeholder, near, hits, activeHit, textOf, register, takeReveal }: PdfPageProps) {
  const [page, setPage] = useState<PDFPageProxy | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [painted, setPainted] = useState(false);
  const [links, setLinks] = useState<readonly PageLink[]>([]);
  const [textLayer, setTextLayer] = useState<TextLayerState | null>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const element = useRef<HTMLDivElement | null>(null);
  const marked = useRef<number[]>([]);

  const setElement = useCallback(
    (node: HTMLDivElement | null) => {
      element.current = node;
      register(index, node);
    },
    [index, register],
  );

  // Fetch the page the first time it comes near.
  useEffect(() => {
    if (!near || page !== null || failure !== null) return;
    let cancelled = false;
    doc.getPage(index + 1).then(
      (next) => {
        if (!cancelled) setPage(next);
      },
      (error: unknown) => {
        if (!cancelled) setFailure(pdfErrorMessage(error));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [near, page, failure, doc, index]);

  // Its links, once: only web addresses become anchors.
  useEffect(() => {
    if (page === null) return;
    let cancelled = false;
    page.getAnnotations({ intent: 'display' }).then(
      (annotations: unknown[]) => {
        if (cancelled) return;
        const found: PageLink[] = [];
        for (const annotation of annotations as Parameters<typeof pdfLinkHref>[0][]) {
          const href = pdfLinkHref(annotation);
          const rect = pdfLinkRect(annotation);
          if (href !== null && rect !== null) found.push({ href, rect });
        }
        setLinks(found);
      },
      () => setLinks([]),
    );
    return () => {
      cancelled = true;
    };
  }, [page]);

  const viewport = useMemo(() => page?.getViewport({ scale: scale * lib.CSS_UNITS }) ?? null, [page, scale, lib]);

  // Draw the canvas and the text layer while near; give the canvas back when it leaves.
  useEffect(() => {
    const canvas = canvasRef.current;
    const textContainer = textRef.current;
    if (!near || page === null || viewport === null || canvas === null || textContainer === null) return;
    let cancelled = false;
    const ratio = Math.min(window.devicePixelRatio || 1, Math.sqrt(MAX_CANVAS_PIXELS / Math.max(1, viewport.width * viewport.height)));
    canvas.width = Math.max(1, Math.floor(viewport.width * ratio));
    canvas.height = Math.max(1, Math.floor(viewport.height * ratio));
    const render = page.render({ canvas, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] });
    render.promise.then(
      () => {
        if (!cancelled) setPainted(true);
      },
      (error: unknown) => {
        if (!cancelled && !isCancellation(error)) setFailure(`Page ${index + 1} could not be drawn: ${error instanceof Error ? error.message : String(error)}`);
      },
    );
    let layer: InstanceType<PdfJs['TextLayer']> | null = null;
    textOf(index)
      .then((content) => {
        if (cancelled) return;
        textContainer.replaceChildren();
        layer = new lib.TextLayer({ textContentSource: content, container: textContainer, viewport });
        const drawing = layer;
        return drawing.render().then(() => {
          if (!cancelled) setTextLayer({ divs: drawing.textDivs, strings: drawing.textContentItemsStr });
        });
      })
      .catch((error: unknown) => {
        // Without its text the page still shows; only selecting and finding on it is lost.
        if (!isCancellation(error)) setTextLayer(null);
      });
    return () => {
      cancelled = true;
      render.cancel();
      layer?.cancel();
      setPainted(false);
      setTextLayer(null);
      marked.current = [];
      textContainer.replaceChildren();
      // Far pages hold no pixels.
      canvas.width = 0;
      canvas.height = 0;
    };
  }, [near, page, viewport, lib, index, textOf]);

  // Mark this page's hits in its text layer; reveal the active one when asked to.
  useEffect(() => {
    if (textLayer === null) return;
    const { divs, strings } = textLayer;
    for (const run of marked.current) {
      const div = divs[run];
      if (div !== undefined) div.textContent = strings[run] ?? '';
    }
    marked.current = [];
    if (hits === undefined) return;
    for (const [run, runHits] of hits.byRun) {
      const div = divs[run];
      const text = strings[run];
      if (div === undefined || text === undefined) continue;
      const parts = document.createDocumentFragment();
      let at = 0;
      for (const hit of runHits) {
        if (hit.start > at) parts.append(text.slice(at, hit.start));
        const mark = document.createElement('span');
        mark.className = `pdf-hit${hit.hit === activeHit ? ' is-active-hit' : ''}`;
        mark.dataset.hit = String(hit.hit);
        mark.textContent = text.slice(hit.start, hit.end);
        parts.append(mark);
        at = hit.end;
      }
      if (at < text.length) parts.append(text.slice(at));
      div.replaceChildren(parts);
      marked.current.push(run);
    }
    if (activeHit >= 0 && takeReveal(activeHit)) {
      textRef.current?.querySelector(`[data-hit="${activeHit}"]`)?.scrollIntoView({ block: 'center', inline: 'nearest' });
    }
  }, [textLayer, hits, activeHit, takeReveal]);

  const width = viewport?.width ?? placeholder.width * scale;
  const height = viewport?.height ?? placeholder.height * scale;
  return (
    <div
      ref={setElement}
      className="pdf-page"
      data-page-index={index}
      data-painted={painted || undefined}
      role="region"
      aria-label={`Page ${index + 1} of ${doc.numPages}`}
      style={{ width, height, '--scale-factor': String(scale * lib.CSS_UNITS) } as CSSProperties}
    >
      {failure !== null ? (
        <p className="pdf-page-failure">{failure}</p>
      ) : (
        <>
          {near && <canvas ref={canvasRef} className="pdf-canvas" style={{ width, height }} aria-hidden="true" />}
          <div ref={textRef} className="textLayer" />
          {near &&
            viewport !== null &&
            links.map((link, i) => {
              const [x1, y1, x2, y2] = viewport.convertToViewportRectangle(link.rect);
              return (
                <a
                  key={i}
                  className="pdf-link"
                  href={link.href}
                  target="_blank"
                  rel="noopener noreferrer"
                  title={link.href}
                  style={{ left: Math.min(x1, x2), top: Math.min(y1, y2), width: Math.abs(x2 - x1), height: Math.abs(y2 - y1) }}
                >
                  <span className="sr-only">{link.href}</span>
                </a>
              );
            })}
          {!painted && near && <span className="pdf-page-loading" aria-hidden="true" />}
        </>
      )}
    </div>
  );
});
