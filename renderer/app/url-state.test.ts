import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, EMPTY_VIEW, type ViewState } from '../features/filters/view';
import { historyActionFor, searchToView, viewToSearch } from './url-state';

const full: ViewState = {
  filters: {
    q: 'Zoë & <b>Łukasz</b>?',
    status: ['ACTIVE', 'Some NEW status'],
    stage: ['Phone Screen'],
    job: ['job/1', 'job&2'],
    origin: ['REFERRAL'],
    owner: ['rachel.taylor@northwind.example'],
    appliedFrom: '2026-01-31',
    appliedTo: '2026-03-01',
    includeDeleted: true,
  },
  sort: 'candidateName',
  order: 'asc',
  selectedId: 'app id/with?odd=chars#',
};

describe('view <-> address', () => {
  it('round-trips every part of a view, odd characters included', () => {
    expect(searchToView(viewToSearch(full))).toEqual(full);
  });

  it('writes nothing for the default view and reads an empty address as it', () => {
    expect(viewToSearch(EMPTY_VIEW)).toBe('');
    expect(searchToView('')).toEqual(EMPTY_VIEW);
  });

  it('writes only what differs from the default, facet values repeated', () => {
    const search = viewToSearch({ ...EMPTY_VIEW, filters: { ...EMPTY_FILTERS, status: ['ACTIVE', 'HIRED'] } });
    expect(search).toBe('?status=ACTIVE&status=HIRED');
  });

  it('ignores what it cannot understand rather than failing', () => {
    const view = searchToView('?sort=DROP+TABLE&order=sideways&from=yesterday&to=2026-13-45&deleted=yes&app=&token=abc');
    expect(view).toEqual(EMPTY_VIEW);
  });

  it('drops repeated facet values', () => {
    expect(searchToView('?stage=Offer&stage=Offer').filters.stage).toEqual(['Offer']);
    expect(searchToView('?owner=&owner=%20').filters.owner).toEqual([null]);
  });

  it('writes the "not set" choice of a facet as an empty value, and reads it back', () => {
    const view = { ...EMPTY_VIEW, filters: { ...EMPTY_VIEW.filters, owner: [null, 'u_2'], stage: [null] } };
    const search = viewToSearch(view);
    expect(search).toBe('?stage=&owner=&owner=u_2');
    expect(searchToView(search)).toEqual(view);
  });
});

describe('history entries', () => {
  it('replaces the entry while typing a search or moving the selection', () => {
    const typed = { ...full, filters: { ...full.filters, q: 'anna' } };
    expect(historyActionFor(full, typed)).toBe('replace');
    expect(historyActionFor(full, { ...full, selectedId: 'other' })).toBe('replace');
  });

  it('pushes an entry for a filter or sort change, and none when nothing changed', () => {
    expect(historyActionFor(full, { ...full, filters: { ...full.filters, status: ['HIRED'] } })).toBe('push');
    expect(historyActionFor(full, { ...full, order: 'desc' })).toBe('push');
    expect(historyActionFor(full, { ...full })).toBe('none');
  });
});
