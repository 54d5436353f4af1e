/** The list filters every browsing command takes, as CLI options. */
import { applicationFiltersSchema, type ApplicationFilters } from '../../shared/api/applications.js';
import { APPLICATION_ORIGINS, APPLICATION_STATUSES, normaliseEnum } from '../../shared/ats/enums.js';
import { optionError } from './errors.js';

export const FILTER_OPTIONS = {
  q: { type: 'string' },
  status: { type: 'string' },
  stage: { type: 'string' },
  origin: { type: 'string' },
  job: { type: 'string' },
  owner: { type: 'string' },
  'applied-from': { type: 'string' },
  'applied-to': { type: 'string' },
  'include-deleted': { type: 'boolean' },
} as const;

export const FILTER_USAGE =
  '[--q TEXT] [--status S[,S]] [--stage NAME] [--origin O[,O]] [--job ID] [--owner EMAIL|ID] [--applied-from DATE] [--applied-to DATE] [--include-deleted]';

type FilterValues = { [K in keyof typeof FILTER_OPTIONS]?: (typeof FILTER_OPTIONS)[K]['type'] extends 'boolean' ? boolean : string };

/** An empty value (`--owner ''`) chooses the applications where that field is not set. */
const NOT_SET = [null];

const commaList = (value: string | undefined) =>
  value === undefined ? undefined : value.trim() === '' ? NOT_SET : value.split(',').map((part) => part.trim()).filter((part) => part !== '');

const single = (value: string | undefined) => (value === undefined ? undefined : value.trim() === '' ? NOT_SET : [value]);

export function filtersFrom(values: FilterValues): ApplicationFilters {
  const parsed = applicationFiltersSchema.safeParse({
    q: values.q,
    // Status and origin are enums, so a comma list is unambiguous; names and ids may contain commas.
    status: commaList(values.status),
    origin: commaList(values.origin),
    stage: single(values.stage),
    job: single(values.job),
    owner: single(values.owner),
    appliedFrom: values['applied-from'],
    appliedTo: values['applied-to'],
    includeDeleted: values['include-deleted'],
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const option = { appliedFrom: 'applied-from', appliedTo: 'applied-to', includeDeleted: 'include-deleted' }[String(issue.path[0])] ?? String(issue.path[0]);
    throw optionError(option, issue);
  }
  return normaliseFilterEnums(parsed.data);
}

/** `--status active` finds ACTIVE, as stored; unknown values are matched raw. */
function normaliseFilterEnums(filters: ApplicationFilters): ApplicationFilters {
  return {
    ...filters,
    status: filters.status?.map((s) => (s === null ? null : (normaliseEnum(s, APPLICATION_STATUSES) ?? s))),
    origin: filters.origin?.map((o) => (o === null ? null : (normaliseEnum(o, APPLICATION_ORIGINS) ?? o))),
  };
}
