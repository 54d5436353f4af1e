import { describe, expect, it } from 'vitest';
import { DEFAULT_HIDDEN_COLUMNS, HIDDEN_COLUMNS_KEY, loadHiddenColumns, saveHiddenColumns, visibleColumns } from './columns';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}

describe('column choice', () => {
  it('is remembered', () => {
    const storage = memoryStorage();
    saveHiddenColumns(storage, ['stage', 'owner']);
    expect(loadHiddenColumns(storage)).toEqual(['stage', 'owner']);
  });

  it('starts from the defaults when nothing (or nonsense) was stored', () => {
    expect(loadHiddenColumns(null)).toEqual(DEFAULT_HIDDEN_COLUMNS);
    expect(loadHiddenColumns(memoryStorage({ [HIDDEN_COLUMNS_KEY]: '{oops' }))).toEqual(DEFAULT_HIDDEN_COLUMNS);
  });

  it('never hides the candidate column, which names each row', () => {
    const storage = memoryStorage({ [HIDDEN_COLUMNS_KEY]: JSON.stringify(['candidate', 'job', 'bogus']) });
    expect(loadHiddenColumns(storage)).toEqual(['job']);
    expect(visibleColumns(['job']).map((c) => c.id)[0]).toBe('candidate');
  });
});
