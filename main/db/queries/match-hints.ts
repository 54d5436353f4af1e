/**
 * Why a search hit is on the list when no visible column shows the words: inside an
 * attachment (with a short snippet, so the row can open the file at the hit), or in an
 * interview, the rejection or the people on it.
 */
import type { SearchMatch } from '../../../shared/api/applications.js';
import { sortKey } from '../../../shared/text.js';
import type { Db } from '../open.js';

/** The columns a list row shows: a hit there needs no hint. */
const SHOWN = '{name email phone location stage job}';
const HIDDEN: readonly { column: string; field: SearchMatch['field'] }[] = [
  { column: 'attachment_text', field: 'attachment' },
  { column: 'interviews', field: 'interviews' },
  { column: 'rejection', field: 'rejection' },
  { column: 'people', field: 'people' },
  { column: 'attachments', field: 'attachmentName' },
];
const BEFORE = 40;
const AFTER = 90;

export class MatchHints {
  private readonly pk;
  private readonly matches;
  private readonly texts;

  constructor(db: Db) {
    this.pk = db.prepare<[string], { pk: number }>('SELECT pk FROM applications WHERE id = ?');
    // The CAST matters: bound as a JS number the key arrives as a REAL, and FTS5's rowid seek then finds rows it should not.
    this.matches = db.prepare<[string, number], { n: number }>('SELECT 1 AS n FROM applications_fts WHERE applications_fts MATCH ? AND rowid = CAST(? AS INTEGER)');
    this.texts = db.prepare<[number], { n: number; name: string | null; text: string }>(
      `SELECT a.pos + 1 AS n, a.name, t.text FROM attachments a JOIN attachment_texts t ON t.sha256 = a.sha256
       WHERE a.app_pk = ? AND t.text IS NOT NULL ORDER BY a.pos`,
    );
  }

  /** The hint for one application, or null when its visible columns show the match. `fts` is the list's MATCH query. */
  hint(id: string, fts: string, q: string): SearchMatch | null {
    const row = this.pk.get(id);
    if (row === undefined) return null;
    const hits = (columns: string) => this.matches.get(`${columns} : (${fts})`, row.pk) !== undefined;
    if (hits(SHOWN)) return null;
    for (const { column, field } of HIDDEN) {
      if (!hits(column)) continue;
      if (field !== 'attachment') return { field };
      const terms = searchWords(q);
      for (const file of this.texts.all(row.pk)) {
        const snippet = snippetOf(file.text, terms);
        if (snippet !== null) return { field, attachment: { n: file.n, name: file.name }, snippet };
      }
      return { field };
    }
    return null;
  }
}

function searchWords(q: string): string[] {
  return [...new Set((q.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? []).map(sortKey))];
}

/** A line-free excerpt around the first word that starts with one of the terms, cut at word boundaries. */
export function snippetOf(text: string, terms: readonly string[]): string | null {
  if (terms.length === 0) return null;
  const at = firstWordStarting(text, terms);
  if (at === null) return null;
  const { index, length } = at;
  let start = Math.max(0, index - BEFORE);
  let end = Math.min(text.length, index + length + AFTER);
  if (start > 0) start = text.indexOf(' ', start) + 1 || start;
  if (start > index) start = index;
  if (end < text.length) end = Math.max(index + length, text.lastIndexOf(' ', end));
  const excerpt = text.slice(start, end).replace(/\s+/g, ' ').trim();
  return `${start > 0 ? '… ' : ''}${excerpt}${end < text.length ? ' …' : ''}`;
}

const WORD = /[\p{L}\p{N}]+/gu;
const ASCII = /^[\x00-\x7f]*$/;

/** Where the first word starting with a term is, and its length (terms are folded as sortKey folds). */
function firstWordStarting(text: string, terms: readonly string[]): { index: number; length: number } | null {
  if (ASCII.test(text)) {
    // Folding plain ASCII is lower-casing, which keeps every position: search the lower-cased text for each
    // term at the start of a word, in native code, instead of folding the text word by word.
    const lower = text.toLowerCase();
    let best = -1;
    for (const term of terms) {
      for (let from = lower.indexOf(term); from !== -1 && (best === -1 || from < best); from = lower.indexOf(term, from + 1)) {
        if (from === 0 || !/[\p{L}\p{N}]/u.test(lower[from - 1]!)) {
          best = from;
          break;
        }
      }
    }
    if (best === -1) return null;
    WORD.lastIndex = best;
    return { index: best, length: WORD.exec(text)![0].length };
  }
  for (const word of text.matchAll(WORD)) {
    const folded = sortKey(word[0]);
    if (terms.some((term) => folded.startsWith(term))) return { index: word.index, length: word[0].length };
  }
  return null;
}
