/** Reading what is stored: the list and one application as received. */
import { listQuerySchema, MAX_PAGE_SIZE, type ApplicationListItem, type ListQuery } from '../../shared/api/applications.js';
import { BrowseQueries } from '../db/queries/browse.js';
import { ShowQueries } from '../db/queries/show.js';
import { COMMON, integer, str, withExistingDb, type Command, type Values } from './context.js';
import { CommandError, optionError, UsageError } from './errors.js';
import { FILTER_OPTIONS, FILTER_USAGE, filtersFrom } from './filters.js';
import { printList, writeJson } from './output.js';

export function listQueryFrom(values: Values): ListQuery {
  const parsed = listQuerySchema.safeParse({
    ...filtersFrom(values as never),
    sort: str(values, 'sort'),
    order: str(values, 'order'),
    limit: integer(values, 'limit', 1, MAX_PAGE_SIZE),
    offset: integer(values, 'offset', 0),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw optionError(String(issue.path[0]), issue);
  }
  return parsed.data;
}

const list: Command = {
  summary: "list applications (filters, sort, paging, full-text search; an empty filter value, e.g. --owner '', finds those where it is not set)",
  usage: `${FILTER_USAGE} [--sort FIELD] [--order asc|desc] [--limit N] [--offset N] [--db PATH] [--json]`,
  options: { ...COMMON, ...FILTER_OPTIONS, sort: { type: 'string' }, order: { type: 'string' }, limit: { type: 'string' }, offset: { type: 'string' } },
  async run(values, positionals) {
    if (positionals.length > 0) throw new UsageError(`list takes no arguments, got ${JSON.stringify(positionals[0])}`);
    const query = listQueryFrom(values);
    const result = withExistingDb(values, (db) => new BrowseQueries(db).list(query));
    if (values.json === true) writeJson(result);
    else printList(result.items as ApplicationListItem[], result.total, query.offset ?? 0);
    return 0;
  },
};

const show: Command = {
  summary: 'show one application exactly as received, model by model',
  usage: '<applicationId> [--with-content] [--db PATH] [--json]',
  options: { ...COMMON, 'with-content': { type: 'boolean' } },
  async run(values, positionals) {
    if (positionals.length !== 1) throw new UsageError('show takes one application id');
    const id = positionals[0]!;
    const shown = withExistingDb(values, (db) => new ShowQueries(db).show(id, { withContent: values['with-content'] === true }));
    if (shown === undefined) throw new CommandError(`no application with id ${JSON.stringify(id)}`);
    writeJson(shown, values.json !== true);
    return 0;
  },
};

export const BROWSE_COMMANDS: Readonly<Record<string, Command>> = { list, show };
