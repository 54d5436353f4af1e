/** The migration registry, in order. `version` is what PRAGMA user_version holds after it. */
import * as init from './0010-init.js';
import * as browseIndexes from './0020-browse-indexes.js';
import * as attachmentTextSearch from './0030-attachment-text-search.js';
import * as reportIndex from './0040-report-index.js';
import * as reportCovering from './0050-report-covering.js';
import * as erasure from './0060-erasure.js';
import type { Db } from '../open.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** A step in code after `sql`, in the same transaction (e.g. refilling an index). */
  run?: (db: Db) => void;
  /** VACUUM once it is applied to an existing database (outside its transaction). */
  vacuumAfter?: boolean;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 10, name: '0010-init', sql: init.sql },
  { version: 20, name: '0020-browse-indexes', sql: browseIndexes.sql },
  { version: 30, name: '0030-attachment-text-search', sql: attachmentTextSearch.sql, run: attachmentTextSearch.run },
  { version: 40, name: '0040-report-index', sql: reportIndex.sql },
  { version: 50, name: '0050-report-covering', sql: reportCovering.sql },
  { version: 60, name: '0060-erasure', sql: erasure.sql, run: erasure.run, vacuumAfter: erasure.vacuumAfter },
];
