/**
 * A PDF page's text as pdf.js hands it out (runs of text, each ending a line or not), joined
 * into one string to search, and the hits mapped back onto the runs, which is where the text
 * layer draws them. A hit may span runs ("Kuber" "netes"): each run gets its part.
 */
import type { Hit } from './find';

/** What we read of pdf.js's TextItem; marked-content entries (no `str`) have no span in the text layer. */
export interface PdfTextRun {
  str: string;
  hasEOL?: boolean;
}

function isTextRun(item: object): item is PdfTextRun {
  return typeof (item as { str?: unknown }).str === 'string';
}

export interface PageText {
  text: string;
  /** Where each run with text starts in `text`, in the order the text layer creates its spans. */
  starts: number[];
  lengths: number[];
}

export function pageText(items: readonly object[]): PageText {
  let text = '';
  const starts: number[] = [];
  const lengths: number[] = [];
  for (const item of items) {
    if (!isTextRun(item)) continue;
    starts.push(text.length);
    lengths.push(item.str.length);
    text += item.str;
    // A run that ends a line is followed by a break, so words of two lines stay two words.
    if (item.hasEOL === true) text += '\n';
  }
  return { text, starts, lengths };
}

export interface RunHit {
  start: number;
  end: number;
  /** The hit's number in the whole document. */
  hit: number;
}

/** Hits by run index, in run-local offsets; `first` is the number of the page's first hit in the document. */
export function hitsByRun(page: PageText, hits: readonly Hit[], first: number): Map<number, RunHit[]> {
  const byRun = new Map<number, RunHit[]>();
  let run = 0;
  hits.forEach((hit, i) => {
    while (run < page.starts.length && page.starts[run]! + page.lengths[run]! <= hit.start) run++;
    for (let r = run; r < page.starts.length && page.starts[r]! < hit.end; r++) {
      const start = Math.max(hit.start, page.starts[r]!) - page.starts[r]!;
      const end = Math.min(hit.end, page.starts[r]! + page.lengths[r]!) - page.starts[r]!;
      if (end <= start) continue;
      const list = byRun.get(r) ?? [];
      list.push({ start, end, hit: first + i });
      byRun.set(r, list);
    }
  });
  return byRun;
}
