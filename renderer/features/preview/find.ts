/**
 * "Find in document" over text: the same matching as the search box (every typed word as
 * the start of a word, case and accents ignored), so an attachment opened from a search hit
 * lights up exactly the words the search found. Hits are counted up to a cap so a one-letter
 * find in a long file stays quick.
 */
import { highlightSegments, searchTerms } from '../search/highlight';

export interface Hit {
  start: number;
  end: number;
}

export const MAX_HITS = 5000;

/** The hits of `query` in `text`, in order, at most `limit`. */
export function findHits(text: string, query: string, limit = MAX_HITS): Hit[] {
  return findTermHits(text, searchTerms(query), limit);
}

/** As findHits, for terms already folded by searchTerms (one fold per query, not per page or cell). */
export function findTermHits(text: string, terms: readonly string[], limit = MAX_HITS): Hit[] {
  if (terms.length === 0 || text === '' || limit <= 0) return [];
  const hits: Hit[] = [];
  let at = 0;
  for (const segment of highlightSegments(text, terms)) {
    if (segment.match) {
      hits.push({ start: at, end: at + segment.text.length });
      if (hits.length >= limit) break;
    }
    at += segment.text.length;
  }
  return hits;
}

/** "3 of 12", "No matches", or "3 of 5,000+" when the cap was reached. */
export function hitLabel(active: number, count: number, capped = false): string {
  if (count === 0) return 'No matches';
  const total = `${count.toLocaleString('en')}${capped ? '+' : ''}`;
  return `${Math.min(Math.max(active, 0), count - 1) + 1} of ${total}`;
}

/** The next hit to show, wrapping around at either end. */
export function stepHit(active: number, count: number, delta: 1 | -1): number {
  if (count === 0) return 0;
  return (((active + delta) % count) + count) % count;
}

export interface TextRun {
  text: string;
  /** Index of the hit this run is, or -1 for text between hits. */
  hit: number;
}

/** `text` cut into plain runs and hit runs; `first` numbers the hits (for hits counted across cells or pages). */
export function splitByHits(text: string, hits: readonly Hit[], first = 0): TextRun[] {
  const runs: TextRun[] = [];
  let at = 0;
  hits.forEach((hit, i) => {
    if (hit.start < at || hit.end > text.length || hit.end <= hit.start) return;
    if (hit.start > at) runs.push({ text: text.slice(at, hit.start), hit: -1 });
    runs.push({ text: text.slice(hit.start, hit.end), hit: first + i });
    at = hit.end;
  });
  if (at < text.length || runs.length === 0) runs.push({ text: text.slice(at), hit: -1 });
  return runs;
}
