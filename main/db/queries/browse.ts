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
  type FacetField,
  type Facets,
  type ListQuery,
  type ListResult,
  type SortField,
} from '../../../shared/api/applications.js';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../open.js';

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

const FACET_COLUMNS: Readonly<Record<FacetField, string>> = {
  status: 'a.status',
  stage: 'a.stage',
  origin: 'a.origin',
  job: 'a.job_id',
  owner: 'a.owner',
};

export const DEFAULT_PAGE_SIZE = 50;

interface Where {
  clauses: string[];
  params: unknown[];
  fts: string | null;
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

function buildWhere(filters: ApplicationFilters, skip?: FacetField): Where {
  const clauses: string[] = [];
  const params: unknown[] = [];
  clauses.push(filters.includeDeleted ? 'a.deleted IN (0, 1)' : 'a.deleted = 0');
  const inList = (column: string, values: string[] | undefined) => {
    if (values === undefined || values.length === 0) return;
    clauses.push(values.length === 1 ? `${column} = ?` : `${column} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  };
  if (skip !== 'status') inList('a.status', filters.status);
  if (skip !== 'stage') inList('a.stage', filters.stage);
  if (skip !== 'origin') inList('a.origin', filters.origin);
  if (skip !== 'job') inList('a.job_id', filters.job);
  if (skip !== 'owner' && filters.owner !== undefined && filters.owner.length > 0) {
    const marks = filters.owner.map(() => '?').join(', ');
    clauses.push(`(a.owner IN (${marks}) OR a.owner_id IN (${marks}))`);
    params.push(...filters.owner, ...filters.owner);
  }
  if (filters.appliedFrom !== undefined) {
    clauses.push('a.applied_at >= ?');
    params.push(appliedFromBound(filters.appliedFrom));
  }
  if (filters.appliedTo !== undefined) {
    clauses.push('a.applied_at < ?');
    params.push(appliedToBound(filters.appliedTo));
  }
  const fts = filters.q === undefined ? null : ftsQuery(filters.q);
  if (fts !== null) {
    clauses.push('a.pk IN (SELECT rowid FROM applications_fts WHERE applications_fts MATCH ?)');
    params.push(fts);
  }
  return { clauses, params, fts };
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
    return { total, items: rows.map(toItem) };
  }

  /** Every matching row in list order, streamed (for exports). */
  *iterate(query: ListQuery): IterableIterator<ApplicationListItem> {
    const where = buildWhere(query);
    const order = this.orderBy(query, where);
    const sql = `SELECT ${ITEM_COLUMNS} FROM applications a ${order.join} WHERE ${where.clauses.join(' AND ')} ORDER BY ${order.sql}`;
    for (const row of this.db.prepare<unknown[]>(sql).iterate(...where.params, ...order.params)) {
      yield toItem(row as ApplicationListItem & { deletedAt: string | null });
    }
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
      // The join's MATCH parameter comes before the WHERE's in the statement text.
      const sql = `SELECT ${ITEM_COLUMNS} FROM applications a ${order.join} WHERE ${whereSql} ORDER BY ${order.sql} LIMIT ? OFFSET ?`;
      return this.statement(sql).all(...order.params, ...where.params, limit, offset) as (ApplicationListItem & { deletedAt: string | null })[];
    }
    const sql = `SELECT ${ITEM_COLUMNS} FROM (SELECT a.pk FROM applications a WHERE ${whereSql} ORDER BY ${order.sql} LIMIT ? OFFSET ?) p
      JOIN applications a ON a.pk = p.pk ORDER BY ${order.sql}`;
    return this.statement(sql).all(...where.params, limit, offset) as (ApplicationListItem & { deletedAt: string | null })[];
  }

  /** Counts per value of each facet, each under every filter but its own (so choices stay visible). */
  facets(filters: ApplicationFilters): Facets {
    const facets = {} as Facets;
    for (const field of FACET_FIELDS) {
      const where = buildWhere(filters, field);
      const column = FACET_COLUMNS[field];
      const label = field === 'job' ? 'max(a.job_title)' : column;
      const sql = `SELECT ${column} AS value, ${label} AS label, count(*) AS count FROM applications a
        WHERE ${where.clauses.join(' AND ')} GROUP BY ${column} ORDER BY count DESC, value`;
      facets[field] = this.statement(sql).all(...where.params) as Facets[FacetField];
    }
    return facets;
  }
}
