/**
 * The list view's queries: filters, sort, paging, facets, full-text search.
 * Values are always bound; sort columns come from an allow-list. Pages use a
 * deferred join (page through the covering index, then read 50 rows), so the last
 * page costs what the first does.
 */
import {
  FACET_FIELDS,
  appliedFromBound,
  appliedToBound,
  type ApplicationFilters,
  type ApplicationListItem,
  type FacetChoice,
  type Facets,
  type ListQuery,
  type ListResult,
  type SortField,
} from '../../../shared/api/applications.js';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../open.js';
import { MatchHints } from './match-hints.js';

const SORT_COLUMNS: Readonly<Record<Exclude<SortField, 'relevance'>, string>> = {
  updatedAt: 'a.updated_at',
  appliedAt: 'a.applied_at',
  candidateName: 'a.name_key',
  jobTitle: 'a.job_title COLLATE NOCASE',
  stage: 'a.stage',
  status: 'a.status',
  origin: 'a.origin',
  owner: 'a.owner',
  id: 'a.id',
};

/** status, stage, origin, job id, owner: one combination of facet values. */
type FacetCombo = [string | null, string | null, string | null, string | null, string | null];
/** A combination and how many applications have it. */
type FacetGroup = [...FacetCombo, number];

function valueSet(values: FacetChoice[] | undefined): Set<string | null> | null {
  return values === undefined || values.length === 0 ? null : new Set(values);
}

/** SQLite's order: NULL first, then text by code unit. */
function compareNullsFirst(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

export const DEFAULT_PAGE_SIZE = 50;

export interface Where {
  clauses: string[];
  params: unknown[];
  fts: string | null;
  /** The same filters without the full-text one (a relevance join applies that itself). */
  withoutFts: { clauses: string[]; params: unknown[] };
}

/**
 * Turns what a person typed into an FTS5 query: every word must match as a prefix.
 * Quoting each token keeps FTS5 syntax (AND, NEAR, quotes, colons) from being parsed.
 */
export function ftsQuery(text: string): string | null {
  const tokens = text.normalize('NFKC').match(/[\p{L}\p{N}]+/gu);
  if (tokens === null) return null;
  return tokens.map((token) => `"${token}"*`).join(' ');
}

/** The list's filters as SQL over `applications a` (exported for reports, which count what the list shows). */
export function buildWhere(filters: ApplicationFilters): Where {
  const fts = filters.q === undefined ? null : ftsQuery(filters.q);
  // With a search, the full-text matches are the few rows to start from: a unary `+`
  // keeps the planner from walking a 100k-entry column index instead.
  const col = (name: string) => (fts === null ? `a.${name}` : `+a.${name}`);
  const clauses: string[] = [];
  const params: unknown[] = [];
  clauses.push(filters.includeDeleted ? `${col('deleted')} IN (0, 1)` : `${col('deleted')} = 0`);
  /** `column` is one of `values`; a null choice stands for "not set" (IS NULL). */
  const oneOf = (columns: string[], values: FacetChoice[] | undefined) => {
    if (values === undefined || values.length === 0) return;
    const given = values.filter((value): value is string => value !== null);
    const alternatives: string[] = [];
    if (given.length > 0) {
      for (const column of columns) {
        alternatives.push(given.length === 1 ? `${col(column)} = ?` : `${col(column)} IN (${given.map(() => '?').join(', ')})`);
        params.push(...given);
      }
    }
    if (given.length < values.length) alternatives.push(`${col(columns[0]!)} IS NULL`);
    clauses.push(alternatives.length === 1 ? alternatives[0]! : `(${alternatives.join(' OR ')})`);
  };
  oneOf(['status'], filters.status);
  oneOf(['stage'], filters.stage);
  oneOf(['origin'], filters.origin);
  oneOf(['job_id'], filters.job);
  // An owner is chosen by the label the list shows (email, else id) or by id; an
  // application has no owner label exactly when it has no owner.
  oneOf(['owner', 'owner_id'], filters.owner);
  if (filters.appliedFrom !== undefined) {
    clauses.push(`${col('applied_at')} >= ?`);
    params.push(appliedFromBound(filters.appliedFrom));
  }
  if (filters.appliedTo !== undefined) {
    clauses.push(`${col('applied_at')} < ?`);
    params.push(appliedToBound(filters.appliedTo));
  }
  const withoutFts = { clauses: [...clauses], params: [...params] };
  if (fts !== null) {
    clauses.push('a.pk IN (SELECT rowid FROM applications_fts WHERE applications_fts MATCH ?)');
    params.push(fts);
  }
  return { clauses, params, fts, withoutFts };
}

const ITEM_COLUMNS = `a.id, a.candidate_id AS candidateId, a.candidate_name AS candidateName, a.email, a.job_id AS jobId,
  a.job_title AS jobTitle, a.stage, a.status, a.origin, a.owner, a.applied_at AS appliedAt, a.updated_at AS updatedAt,
  a.deleted_at AS deletedAt`;

function toItem(row: ApplicationListItem & { deletedAt: string | null }): ApplicationListItem {
  if (row.deletedAt === null) {
    const { deletedAt: _deletedAt, ...item } = row;
    return item;
  }
  return row;
}

export class BrowseQueries {
  private readonly cache = new Map<string, Statement<unknown[]>>();
  private readonly combos = new Map<number, FacetCombo>();
  private maxComboKey = 0;
  private hints: MatchHints | null = null;

  constructor(private readonly db: Db) {}

  private statement(sql: string) {
    let statement = this.cache.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare<unknown[]>(sql);
      this.cache.set(sql, statement);
    }
    return statement;
  }

  list(query: ListQuery): ListResult {
    const where = buildWhere(query);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const offset = query.offset ?? 0;
    const whereSql = where.clauses.join(' AND ');
    const total = (this.statement(`SELECT count(*) AS n FROM applications a WHERE ${whereSql}`).get(...where.params) as { n: number }).n;
    const rows = this.page(query, where, whereSql, limit, offset);
    const items = rows.map(toItem);
    if (where.fts !== null && query.q !== undefined) {
      this.hints ??= new MatchHints(this.db);
      for (const item of items) {
        const match = this.hints.hint(item.id, where.fts, query.q);
        if (match !== null) item.match = match;
      }
    }
    return { total, items };
  }

  /** Every matching row in list order, streamed (for exports). */
  *iterate(query: ListQuery): IterableIterator<ApplicationListItem> {
    const { sql, params } = this.inListOrder(query, ITEM_COLUMNS);
    for (const row of this.db.prepare<unknown[]>(sql).iterate(...params)) {
      yield toItem(row as ApplicationListItem & { deletedAt: string | null });
    }
  }

  /** The statement behind `iterate`, selecting other expressions over `a` (exports add theirs): one filter and order for both. */
  inListOrder(query: ListQuery, columns: string): { sql: string; params: unknown[] } {
    const where = buildWhere(query);
    const order = this.orderBy(query, where);
    const filters = order.join === '' ? where : where.withoutFts;
    const sql = `SELECT ${columns} FROM applications a ${order.join} WHERE ${filters.clauses.join(' AND ')} ORDER BY ${order.sql}`;
    return { sql, params: [...order.params, ...filters.params] };
  }

  private orderBy(query: ListQuery, where: Where): { sql: string; join: string; params: unknown[] } {
    const direction = query.order === 'asc' ? 'ASC' : query.order === 'desc' ? 'DESC' : null;
    if (query.sort === 'relevance' && where.fts !== null) {
      // bm25 rank: smaller is better, so "desc" relevance is rank ascending.
      return {
        sql: `r.rank ${direction === 'ASC' ? 'DESC' : 'ASC'}, a.id`,
        join: 'JOIN (SELECT rowid, rank FROM applications_fts WHERE applications_fts MATCH ?) r ON r.rowid = a.pk',
        params: [where.fts],
      };
    }
    const sort = query.sort === undefined || query.sort === 'relevance' ? 'updatedAt' : query.sort;
    const defaultDirection = sort === 'updatedAt' || sort === 'appliedAt' ? 'DESC' : 'ASC';
    return { sql: `${SORT_COLUMNS[sort]} ${direction ?? defaultDirection}, a.id`, join: '', params: [] };
  }

  private page(query: ListQuery, where: Where, whereSql: string, limit: number, offset: number) {
    const order = this.orderBy(query, where);
    if (order.join !== '') {
      // The join does the full-text match; its parameter comes first in the statement text.
      const rest = where.withoutFts;
      const sql = `SELECT ${ITEM_COLUMNS} FROM applications a ${order.join} WHERE ${rest.clauses.join(' AND ')} ORDER BY ${order.sql} LIMIT ? OFFSET ?`;
      return this.statement(sql).all(...order.params, ...rest.params, limit, offset) as (ApplicationListItem & { deletedAt: string | null })[];
    }
    const sql = `SELECT ${ITEM_COLUMNS} FROM (SELECT a.pk FROM applications a WHERE ${whereSql} ORDER BY ${order.sql} LIMIT ? OFFSET ?) p
      JOIN applications a ON a.pk = p.pk ORDER BY ${order.sql}`;
    return this.statement(sql).all(...where.params, limit, offset) as (ApplicationListItem & { deletedAt: string | null })[];
  }

  /**
   * Counts per value of each facet, each under every filter but its own (so choices
   * stay visible). One ordered scan of the facet index counts the applications per
   * combination of the five facet values (one integer key); each facet then adds up the
   * combinations that pass the other facets' filters. Five GROUP BY queries cost several
   * times as much, and filtered ones far more.
   */
  facets(filters: ApplicationFilters): Facets {
    const where = buildWhere({ ...filters, status: undefined, stage: undefined, origin: undefined, job: undefined, owner: undefined });
    const perCombo = this.statement(
      `SELECT a.facet_key, count(*) FROM applications a ${where.fts === null ? 'INDEXED BY applications_facets' : ''}
       WHERE ${where.clauses.join(' AND ')} GROUP BY a.facet_key`,
    )
      .raw()
      .all(...where.params) as [number, number][];
    const combos = this.facetCombos(perCombo);
    const groups: FacetGroup[] = perCombo.map(([key, count]) => [...combos.get(key)!, count]);
    const wanted: (Set<string | null> | null)[] = [
      valueSet(filters.status),
      valueSet(filters.stage),
      valueSet(filters.origin),
      valueSet(filters.job),
      filters.owner === undefined || filters.owner.length === 0 ? null : this.ownerLabels(filters.owner),
    ];
    const counts = FACET_FIELDS.map(() => new Map<string | null, number>());
    for (const group of groups) {
      const failing = wanted.reduce<number>((n, set, i) => (set !== null && !set.has(group[i] as string | null) ? n + 1 : n), 0);
      if (failing > 1) continue;
      for (let i = 0; i < FACET_FIELDS.length; i++) {
        const set = wanted[i]!;
        // A group counts for facet i when every other facet's filter lets it through.
        if (failing === 1 && (set === null || set.has(group[i] as string | null))) continue;
        const value = group[i] as string | null;
        counts[i]!.set(value, (counts[i]!.get(value) ?? 0) + group[5]);
      }
    }
    const titles = this.jobTitles();
    const facets = {} as Facets;
    FACET_FIELDS.forEach((field, i) => {
      facets[field] = [...counts[i]!]
        .map(([value, count]) => ({ value, label: field === 'job' ? (value === null ? null : (titles.get(value) ?? null)) : value, count }))
        .sort((a, b) => b.count - a.count || compareNullsFirst(a.value, b.value));
    });
    return facets;
  }

  /** The owner labels (email, else id) an owner filter of emails or ids stands for. */
  private ownerLabels(owners: FacetChoice[]): Set<string | null> {
    // A value that is a label stands for itself (null for "no owner"); an id stands for its owners' labels.
    const ids = owners.filter((owner): owner is string => owner !== null);
    if (ids.length === 0) return new Set(owners);
    const rows = this.statement(`SELECT DISTINCT owner FROM applications WHERE owner_id IN (${ids.map(() => '?').join(', ')})`)
      .raw()
      .all(...ids) as [string | null][];
    return new Set([...owners, ...rows.map(([owner]) => owner)]);
  }

  /** Facet values by combination key; combinations are only ever added, so new keys are read on demand. */
  private facetCombos(counts: [number, number][]): Map<number, FacetCombo> {
    if (counts.some(([key]) => !this.combos.has(key))) {
      const rows = this.statement('SELECT key, status, stage, origin, job_id, owner FROM facet_combos WHERE key > ?')
        .raw()
        .all(this.maxComboKey) as [number, ...FacetCombo][];
      for (const [key, ...values] of rows) {
        this.combos.set(key, values);
        this.maxComboKey = Math.max(this.maxComboKey, key);
      }
    }
    return this.combos;
  }

  private jobTitles(): Map<string, string | null> {
    const rows = this.statement('SELECT id, title FROM jobs').raw().all() as [string, string | null][];
    return new Map(rows);
  }

}
