/** Browsing: the counts of the top bar, the list, its facets and one application's detail. */
import type { Overview } from '../../../shared/api/sync.js';
import type { Db } from '../../db/open.js';
import { BrowseQueries } from '../../db/queries/browse.js';
import { DetailQueries } from '../../db/queries/detail.js';
import { ApiFailure } from '../errors.js';
import type { HandlerMap } from './types.js';

export function applicationHandlers(db: Db): HandlerMap<'overview' | 'listApplications' | 'facets' | 'getApplication'> {
  const browse = new BrowseQueries(db);
  const details = new DetailQueries(db);
  const overview = db.prepare<[], Overview>(
    `SELECT (SELECT count(*) FROM applications WHERE deleted = 0) AS applications,
       (SELECT count(*) FROM applications WHERE deleted = 1) AS deleted,
       (SELECT count(*) FROM jobs WHERE deleted = 0) AS jobs,
       (SELECT max(synced_at) FROM applications) AS lastSyncedAt`,
  );
  return {
    overview: () => overview.get()!,
    listApplications: (query) => browse.list(query),
    facets: (filters) => browse.facets(filters),
    getApplication: ({ id }) => {
      const detail = details.detail(id);
      if (detail === undefined) throw new ApiFailure('not-found', `no application with id ${JSON.stringify(id)}`);
      return detail;
    },
  };
}
