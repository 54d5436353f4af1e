import { beforeEach, describe, expect, it } from 'vitest';
import { appStore, resetStore } from '../../app/store';
import { fakeApi, settle } from '../../testing/fake-api';
import { MAX_CACHED_PAGES, MAX_CONCURRENT_PAGES, PAGE_SIZE, rowAt } from './list-slice';

let api: ReturnType<typeof fakeApi>;
const state = () => appStore.getState();

beforeEach(() => {
  api = fakeApi({ total: 100_000 });
  resetStore({ api: api.client, storage: null });
});

describe('the list page cache', () => {
  it('loads the first page of a new query with its filters and keeps the total', async () => {
    appStore.setState({ filters: { ...state().filters, q: 'anna', status: ['ACTIVE'] }, sort: 'candidateName', order: 'asc' });
    state().reloadList();
    expect(api.calls).toEqual([{ q: 'anna', status: ['ACTIVE'], sort: 'candidateName', order: 'asc', limit: PAGE_SIZE, offset: 0 }]);
    expect(state().listLoading).toBe(true);
    await api.answerAll();
    expect(state().total).toBe(100_000);
    expect(state().listLoading).toBe(false);
    expect(rowAt(state().pages, 0)?.id).toBe('app-0');
    expect(rowAt(state().pages, 99)?.id).toBe('app-99');
    expect(rowAt(state().pages, 100)).toBeUndefined();
  });

  it('fetches a page once when its rows scroll into view, by offset', async () => {
    state().reloadList();
    await api.answerAll();
    state().ensureRows(250, 270);
    state().ensureRows(250, 270);
    state().ensureRows(260, 280);
    expect(api.offsets()).toEqual([200]);
    await api.answerAll();
    expect(rowAt(state().pages, 255)?.id).toBe('app-255');
    state().ensureRows(250, 270);
    expect(api.pending).toHaveLength(0);
  });

  it('asks for at most a few pages at once while the list flies past, then for where it stopped', async () => {
    state().reloadList();
    await api.answerAll();
    state().ensureRows(1000, 1000 + PAGE_SIZE * 6);
    expect(api.pending).toHaveLength(MAX_CONCURRENT_PAGES);
    state().ensureRows(50_000, 50_020);
    // When answers land, the next request is for the rows now on screen.
    await api.pending[0]!.answer();
    expect(api.offsets()).toContain(50_000);
  });

  it('ignores answers to a query that was replaced meanwhile', async () => {
    state().reloadList();
    await api.answerAll();
    state().ensureRows(300, 320);
    const stale = api.pending[0]!;
    state().setQuery('zoë');
    await stale.answer({ total: 7 });
    expect(state().total).toBe(100_000);
    expect(rowAt(state().pages, 300)).toBeUndefined();
    await api.answerAll({ total: 12 });
    expect(state().total).toBe(12);
    expect(api.calls.at(-1)).toMatchObject({ q: 'zoë', offset: 0 });
  });

  it('keeps the old rows on screen until the new query answers, then replaces them all', async () => {
    state().reloadList();
    await api.answerAll();
    state().ensureRows(150, 160);
    await api.answerAll();
    state().setQuery('x');
    expect(rowAt(state().pages, 5)?.id).toBe('app-5');
    expect(state().listLoading).toBe(true);
    await api.answerAll({ total: 3 });
    expect(state().total).toBe(3);
    expect(Object.keys(state().pages)).toEqual(['0']);
  });

  it('holds only the pages around what is on screen', async () => {
    state().reloadList();
    await api.answerAll();
    for (let page = 1; page < 40; page++) {
      state().ensureRows(page * PAGE_SIZE, page * PAGE_SIZE + 20);
      await api.answerAll();
    }
    const offsets = Object.keys(state().pages).map(Number);
    expect(offsets.length).toBe(MAX_CACHED_PAGES);
    expect(offsets).toContain(39 * PAGE_SIZE);
    expect(offsets).not.toContain(0);
  });

  it('refreshes the rows on screen after a data change without blanking them', async () => {
    let generation = 'old';
    api = fakeApi({ total: 1000, prefix: () => generation });
    resetStore({ api: api.client, storage: null });
    state().reloadList();
    await api.answerAll();
    state().ensureRows(120, 140);
    await api.answerAll();
    generation = 'new';
    state().refreshList();
    expect(api.offsets()).toEqual([100]);
    expect(rowAt(state().pages, 130)?.id).toBe('old-130');
    await api.answerAll();
    expect(rowAt(state().pages, 130)?.id).toBe('new-130');
  });

  it('shows an error and fetches again on retry', async () => {
    state().reloadList();
    await api.pending[0]!.answer({ error: { code: 'unavailable', message: 'database is locked' } });
    expect(state().listError?.message).toBe('database is locked');
    state().retryList();
    expect(state().listError).toBeNull();
    await api.answerAll();
    expect(state().total).toBe(100_000);
  });

  it('completes a keyboard move into rows that were still loading', async () => {
    state().reloadList();
    await api.answerAll();
    state().moveSelectionTo(0);
    expect(state().selectedId).toBe('app-0');
    state().moveSelectionTo(450);
    expect(state().selectedIndex).toBe(450);
    expect(state().selectedId).toBeNull();
    state().ensureRows(440, 460);
    await api.answerAll();
    expect(state().selectedId).toBe('app-450');
  });

  it('drops answers that arrive after the store was reset', async () => {
    state().reloadList();
    const late = api.pending[0]!;
    resetStore({ api: api.client, storage: null });
    await late.answer();
    await settle();
    expect(state().total).toBeNull();
  });
});
