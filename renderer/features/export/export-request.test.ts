import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS } from '../filters/view';
import { applicationsExportRequest, EXPORT_BOM_KEY, exportColumns, loadExportBom, newExportId, saveExportBom } from './export-request';

describe('the export request built from the view', () => {
  it('takes the visible columns in their order, led by the id, the candidate column as name and email', () => {
    expect(exportColumns([])).toEqual(['id', 'candidateName', 'email', 'jobTitle', 'stage', 'status', 'origin', 'owner', 'appliedAt', 'updatedAt']);
    expect(exportColumns(['origin', 'owner', 'stage'])).toEqual(['id', 'candidateName', 'email', 'jobTitle', 'status', 'appliedAt', 'updatedAt']);
  });

  it('carries the filters, search, sort and deleted setting exactly, with no page limits', () => {
    const request = applicationsExportRequest(
      {
        filters: { ...EMPTY_FILTERS, q: ' mar ', status: ['ACTIVE'], owner: [null], appliedFrom: '2026-01-01', includeDeleted: true },
        sort: 'candidateName',
        order: 'desc',
        hiddenColumns: ['owner'],
      },
      { format: 'xlsx', bom: true, exportId: 'x1' },
    );
    expect(request).toEqual({
      query: { q: 'mar', status: ['ACTIVE'], owner: [null], appliedFrom: '2026-01-01', includeDeleted: true, sort: 'candidateName', order: 'desc' },
      columns: ['id', 'candidateName', 'email', 'jobTitle', 'stage', 'status', 'origin', 'appliedAt', 'updatedAt'],
      format: 'xlsx',
      // A BOM is for CSV readers only.
      bom: false,
      exportId: 'x1',
    });
    expect(applicationsExportRequest({ filters: EMPTY_FILTERS, sort: null, order: null, hiddenColumns: [] }, { format: 'csv', bom: true, exportId: 'x2' })).toMatchObject({
      query: {},
      bom: true,
    });
  });

  it('makes ids the contract accepts', () => {
    const id = newExportId(1_790_000_000_000, () => 0.5);
    expect(id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(newExportId(1_790_000_000_000, () => 0.25)).not.toBe(id);
  });

  it('remembers the BOM choice, and survives a storage that refuses', () => {
    const map = new Map<string, string>();
    const storage = { getItem: (key: string) => map.get(key) ?? null, setItem: (key: string, value: string) => void map.set(key, value) };
    expect(loadExportBom(storage)).toBe(false);
    saveExportBom(storage, true);
    expect(map.get(EXPORT_BOM_KEY)).toBe('true');
    expect(loadExportBom(storage)).toBe(true);
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
    };
    expect(loadExportBom(broken)).toBe(false);
    expect(() => saveExportBom(broken, true)).not.toThrow();
  });
});
