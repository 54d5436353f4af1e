/**
 * Query latencies on the DB our import filled: our BrowseQueries beside the bare SQL
 * the same answer needs (no count, no layer), each p50/p95 over many runs.
 */
import type { Db } from '../db/open.js';
import { BrowseQueries } from '../db/queries/browse.js';
import type { ListQuery } from '../../shared/api/applications.js';
import { latencyFigure, type Figure } from './report.js';
import { latency, log, type Latency } from './stats.js';

const PAGE = 50;
const ITEM_COLUMNS = `id, candidate_id AS candidateId, candidate_name AS candidateName, email, job_id AS jobId,
  job_title AS jobTitle, stage, status, origin, owner, applied_at AS appliedAt, updated_at AS updatedAt, deleted_at AS deletedAt`;
const FACET_COLUMNS = ['status', 'stage', 'origin', 'job_id', 'owner'];

function figure(name: string, ours: Latency, ideal: Latency, targetMs: number): Figure {
  const slow = ours.runs < 100 || ideal.runs < 100 ? `slow: stopped after ${ours.runs} (ours) and ${ideal.runs} (ideal) timed runs` : undefined;
  return latencyFigure('queries', name, ours, ideal, targetMs, slow);
}

/** ~20 real 3-letter prefixes: the commonest of last names and first names in the data. */
export function namePrefixes(db: Db, wanted = 20): string[] {
  const top = (column: string) =>
    (
      db.prepare(
        `SELECT lower(substr(${column}, 1, 3)) AS p, count(*) AS n FROM applications
         WHERE deleted = 0 AND length(${column}) >= 3 GROUP BY p ORDER BY n DESC, p LIMIT ?`,
      ).all(wanted) as { p: string }[]
    ).map((r) => r.p);
  const letters = (p: string) => /^\p{L}{3}$/u.test(p);
  const last = top('last_name').filter(letters);
  const first = top('first_name').filter(letters);
  const prefixes: string[] = [];
  for (let i = 0; prefixes.length < wanted && (i < last.length || i < first.length); i++) {
    for (const p of [last[i], first[i]]) if (p !== undefined && !prefixes.includes(p) && prefixes.length < wanted) prefixes.push(p);
  }
  return prefixes;
}

export function benchQueries(db: Db, runs: number, warmup: number): Figure[] {
  const browse = new BrowseQueries(db);
  const figures: Figure[] = [];

  // A filtered, sorted page at three depths.
  const base: ListQuery = { status: ['ACTIVE'], sort: 'updatedAt', order: 'desc', limit: PAGE };
  const total = browse.list({ ...base, limit: 1 }).total;
  const idealPks = db.prepare(
    `SELECT pk FROM applications WHERE deleted = 0 AND status = 'ACTIVE' ORDER BY updated_at DESC, id LIMIT ${PAGE} OFFSET ?`,
  ).pluck();
  const idealRow = db.prepare(`SELECT ${ITEM_COLUMNS} FROM applications WHERE pk = ?`);
  const depths: [string, number][] = [
    ['first', 0],
    ['middle', Math.floor(Math.max(0, total - PAGE) / 2)],
    ['last', Math.max(0, total - PAGE)],
  ];
  for (const [label, offset] of depths) {
    log(`query: ACTIVE by updatedAt desc, ${label} page (offset ${offset} of ${total})`);
    const ours = latency(() => browse.list({ ...base, offset }), runs, warmup);
    const ideal = latency(() => (idealPks.all(offset) as number[]).map((pk) => idealRow.get(pk)), runs, warmup);
    figures.push(figure(`status=ACTIVE sort updatedAt desc, ${label} page (offset ${offset})`, ours, ideal, 5));
  }

  // Ranked full-text prefix search.
  const prefixes = namePrefixes(db);
  log(`query: full-text prefixes ${prefixes.join(' ')}`);
  const match = db.prepare(`SELECT rowid FROM applications_fts WHERE applications_fts MATCH ? ORDER BY rank LIMIT ${PAGE}`).pluck();
  const pick = (i: number) => prefixes[i % prefixes.length]!;
  const oursFts = latency((i) => browse.list({ q: pick(i), sort: 'relevance', limit: PAGE }), runs, warmup);
  const idealFts = latency((i) => match.all(`"${pick(i)}"*`), runs, warmup);
  const fts = figure(`q=<3-letter prefix> sort relevance, first ${PAGE}`, oursFts, idealFts, 25);
  figures.push({ ...fts, note: [`${prefixes.length} prefixes cycled: ${prefixes.join(' ')}`, fts.note].filter(Boolean).join('; ') });

  // A word found only inside attachments (skills in résumés), never in the other columns.
  const inText = db.prepare('SELECT count(*) FROM applications_fts WHERE applications_fts MATCH ?').pluck();
  const elsewhere = '{name email phone location stage interviews rejection attachments job people}';
  const words = ['kubernetes', 'terraform', 'graphql', 'figma', 'tableau', 'salesforce', 'snowflake', 'cypress', 'jira', 'looker'].filter(
    (word) => (inText.get(`attachment_text : "${word}"`) as number) > 0 && (inText.get(`${elsewhere} : "${word}"`) as number) === 0,
  );
  if (words.length === 0) {
    log('query: no word found only in attachment text (was text extraction on?)');
  } else {
    log(`query: words only in attachments: ${words.join(' ')}`);
    const word = (i: number) => words[i % words.length]!;
    const oursText = latency((i) => browse.list({ q: word(i), sort: 'relevance', limit: PAGE }), runs, warmup);
    const idealText = latency((i) => match.all(`"${word(i)}"*`), runs, warmup);
    const text = figure(`q=<word only in attachments> sort relevance, first ${PAGE}`, oursText, idealText, 25);
    figures.push({ ...text, note: [`${words.length} words cycled: ${words.join(' ')}`, text.note].filter(Boolean).join('; ') });
  }

  // All five facets, unfiltered and under a status filter.
  const group = (column: string, filtered: boolean) =>
    db.prepare(
      `SELECT ${column}, count(*) FROM applications WHERE deleted = 0${filtered && column !== 'status' ? " AND status = 'ACTIVE'" : ''} GROUP BY ${column}`,
    );
  for (const filtered of [false, true]) {
    const statements = FACET_COLUMNS.map((c) => group(c, filtered));
    const filters = filtered ? { status: ['ACTIVE'] } : {};
    log(`query: facets(${JSON.stringify(filters)})`);
    const ours = latency(() => browse.facets(filters), runs, warmup);
    const ideal = latency(() => statements.map((s) => s.all()), runs, warmup);
    figures.push(figure(`facets(${JSON.stringify(filters)}), all five`, ours, ideal, 30));
  }
  return figures;
}
