/** The filter sidebar: facet checkboxes with live counts, the applied-date range and "Show deleted". */
import { useId, useState } from 'react';
import type { FacetChoice, FacetField, FacetValue } from '../../../shared/api/applications';
import { useApp } from '../../app/store';
import { ErrorAlert } from '../../ui/Alert';
import { formatCount } from '../../ui/format';
import { FACET_ORDER, hasActiveFilters } from './view';

const FACET_TITLES: Readonly<Record<FacetField, string>> = {
  status: 'Status',
  stage: 'Stage',
  job: 'Job',
  origin: 'Origin',
  owner: 'Owner',
};

/** Values shown before "Show all". */
const COLLAPSED_COUNT = 6;

export function FacetSidebar() {
  const active = useApp((s) => hasActiveFilters(s.filters));
  const clearAllFilters = useApp((s) => s.clearAllFilters);
  const facetsError = useApp((s) => s.facetsError);
  const loadFacets = useApp((s) => s.loadFacets);
  return (
    <aside className="sidebar" aria-label="Filters">
      <div className="sidebar-head">
        <h2>Filters</h2>
        <button type="button" className="btn btn-link" onClick={clearAllFilters} disabled={!active}>
          Clear all filters
        </button>
      </div>
      <div className="sidebar-scroll">
        <ShowDeletedToggle />
        {facetsError !== null && <ErrorAlert message={`Filters could not load: ${facetsError.message}`} onRetry={loadFacets} />}
        {FACET_ORDER.map((field) => (
          <FacetGroup key={field} field={field} />
        ))}
        <AppliedRange />
      </div>
    </aside>
  );
}

function ShowDeletedToggle() {
  const includeDeleted = useApp((s) => s.filters.includeDeleted);
  const setIncludeDeleted = useApp((s) => s.setIncludeDeleted);
  const deletedCount = useApp((s) => s.overview?.deleted ?? null);
  return (
    <div className="toggle-row">
      <label className="toggle">
        <input type="checkbox" checked={includeDeleted} onChange={(event) => setIncludeDeleted(event.target.checked)} />
        <span>Show deleted</span>
      </label>
      {deletedCount !== null && deletedCount > 0 && <span className="facet-count">{formatCount(deletedCount)}</span>}
    </div>
  );
}

interface Choice {
  value: FacetChoice;
  label: string;
  count: number;
}

/** How the "not set upstream" choice of each facet reads. */
const NOT_SET_LABELS: Record<FacetField, string> = {
  status: 'No status',
  stage: 'No stage',
  job: 'No job',
  origin: 'No origin',
  owner: 'No owner',
};

/** The API's values, plus chosen ones that no longer match anything (so they can be unticked). */
function choicesOf(field: FacetField, values: readonly FacetValue[], chosen: readonly FacetChoice[]): Choice[] {
  const label = (value: FacetChoice, jobTitle: string | null = null) =>
    value === null ? NOT_SET_LABELS[field] : field === 'job' ? (jobTitle ?? value) : value;
  const choices: Choice[] = values.map((v) => ({ value: v.value, label: label(v.value, v.label), count: v.count }));
  for (const value of chosen) {
    if (!choices.some((c) => c.value === value)) choices.push({ value, label: label(value), count: 0 });
  }
  return choices;
}

function FacetGroup({ field }: { field: FacetField }) {
  const values = useApp((s) => s.facets?.[field] ?? null);
  const chosen = useApp((s) => s.filters[field]);
  const toggle = useApp((s) => s.toggleFacetValue);
  const clear = useApp((s) => s.clearFacet);
  const [expanded, setExpanded] = useState(false);
  const id = useId();
  const title = FACET_TITLES[field];
  if (values === null) {
    return (
      <div className="facet" role="group" aria-labelledby={`${id}-title`} aria-busy="true">
        <FacetHead id={`${id}-title`} title={title} />
        <div className="facet-skeleton" aria-hidden="true">
          <span className="skeleton-bar" />
          <span className="skeleton-bar" />
          <span className="skeleton-bar" />
        </div>
      </div>
    );
  }
  const choices = choicesOf(field, values, chosen);
  if (choices.length === 0) return null;
  // Chosen values stay visible when the list is collapsed.
  const shown = expanded ? choices : choices.filter((c, i) => i < COLLAPSED_COUNT || chosen.includes(c.value));
  const hiddenCount = choices.length - shown.length;
  return (
    <div className="facet" role="group" aria-labelledby={`${id}-title`}>
      <FacetHead id={`${id}-title`} title={title} onClear={chosen.length > 0 ? () => clear(field) : undefined} />
      <ul className="facet-list">
        {shown.map((choice, i) => {
          const inputId = `${id}-${i}`;
          const checked = chosen.includes(choice.value);
          return (
            <li key={choice.value ?? '\u0000null'} className={`facet-row${checked ? ' is-checked' : ''}`}>
              <input
                id={inputId}
                type="checkbox"
                checked={checked}
                aria-describedby={`${inputId}-count`}
                onChange={() => toggle(field, choice.value)}
              />
              <label htmlFor={inputId} title={choice.value === null ? 'Not set upstream' : choice.label}>
                {choice.label}
              </label>
              <span id={`${inputId}-count`} className="facet-count">
                {formatCount(choice.count)}
              </span>
            </li>
          );
        })}
      </ul>
      {(hiddenCount > 0 || expanded) && choices.length > COLLAPSED_COUNT && (
        <button type="button" className="btn btn-link facet-more" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          {expanded ? 'Show fewer' : `Show all ${formatCount(choices.length)}`}
        </button>
      )}
    </div>
  );
}

function FacetHead({ id, title, onClear }: { id: string; title: string; onClear?: () => void }) {
  return (
    <div className="facet-head">
      <h3 id={id} className="facet-title">
        {title}
      </h3>
      {onClear !== undefined && (
        <button type="button" className="btn btn-link facet-clear" aria-label={`Clear ${title.toLowerCase()} filter`} onClick={onClear}>
          Clear
        </button>
      )}
    </div>
  );
}

function AppliedRange() {
  const from = useApp((s) => s.filters.appliedFrom);
  const to = useApp((s) => s.filters.appliedTo);
  const setAppliedRange = useApp((s) => s.setAppliedRange);
  const clearAppliedRange = useApp((s) => s.clearAppliedRange);
  const id = useId();
  // A date input reports '' while half typed; only whole dates (or a cleared field) filter.
  const accept = (value: string) => value === '' || /^\d{4}-\d{2}-\d{2}$/.test(value);
  return (
    <div className="facet" role="group" aria-labelledby={`${id}-title`}>
      <FacetHead id={`${id}-title`} title="Applied" onClear={from !== '' || to !== '' ? clearAppliedRange : undefined} />
      <div className="date-range">
        <label>
          <span>From</span>
          <input
            type="date"
            aria-label="Applied from"
            value={from}
            max={to || undefined}
            onChange={(event) => {
              if (accept(event.target.value)) setAppliedRange({ from: event.target.value });
            }}
          />
        </label>
        <label>
          <span>To</span>
          <input
            type="date"
            aria-label="Applied to"
            value={to}
            min={from || undefined}
            onChange={(event) => {
              if (accept(event.target.value)) setAppliedRange({ to: event.target.value });
            }}
          />
        </label>
      </div>
    </div>
  );
}
