/** The migration registry, in order. `version` is what PRAGMA user_version holds after it. */
import * as init from './0010-init.js';
import * as browseIndexes from './0020-browse-indexes.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 10, name: '0010-init', sql: init.sql },
  { version: 20, name: '0020-browse-indexes', sql: browseIndexes.sql },
];
