/**
 * Which parts of a visible cell the search matched. The search index matches every typed
 * word as a prefix of a word, ignoring case and accents (DESIGN §2 FTS5, unicode61 with
 * diacritics folded), so this marks word prefixes the same way. No regex is ever built from
 * what was typed, so `.*`, `(` or `\` are ordinary characters.
 */
import { sortKey } from '../../../shared/text';

export interface Segment {
  text: string;
  match: boolean;
}

/** A word as the index tokenises it: letters and digits (combining accents stay with their letter). */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;
/** One letter and the accents that follow it. */
const UNIT = /[^\p{M}]\p{M}*/gu;

/** The folded words of a search; empty when nothing searchable was typed. */
export function searchTerms(query: string): string[] {
  const words = query.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
  const terms = new Set<string>();
  for (const word of words) {
    const folded = sortKey(word);
    if (folded !== '') terms.add(folded);
  }
  return [...terms];
}

/** How many characters of `word` the folded `term` covers as a prefix, or 0 when it is not one. */
function prefixLength(word: string, term: string): number {
  let folded = '';
  let consumed = 0;
  for (const unit of word.match(UNIT) ?? []) {
    folded += sortKey(unit);
    consumed += unit.length;
    if (folded.length >= term.length) return folded.startsWith(term) ? consumed : 0;
    if (!term.startsWith(folded)) return 0;
  }
  return 0;
}

/** Splits `text` into matched and unmatched runs; one unmatched segment when nothing matches. */
export function highlightSegments(text: string, terms: readonly string[]): Segment[] {
  if (terms.length === 0 || text === '') return [{ text, match: false }];
  const segments: Segment[] = [];
  let cursor = 0;
  for (const found of text.matchAll(WORD)) {
    const word = found[0];
    let length = 0;
    for (const term of terms) length = Math.max(length, prefixLength(word, term));
    if (length === 0) continue;
    const start = found.index;
    if (start > cursor) segments.push({ text: text.slice(cursor, start), match: false });
    segments.push({ text: text.slice(start, start + length), match: true });
    cursor = start + length;
  }
  if (cursor < text.length) segments.push({ text: text.slice(cursor), match: false });
  return segments;
}
