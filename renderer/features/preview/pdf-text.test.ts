import { describe, expect, it } from 'vitest';
import { findHits } from './find';
import { hitsByRun, pageText } from './pdf-text';

describe('a PDF page’s text for find', () => {
  const items = [{ str: 'Senior Kuber', hasEOL: false }, { type: 'beginMarkedContent' }, { str: 'netes engineer', hasEOL: true }, { str: 'Kubernetes', hasEOL: false }];

  it('joins the runs with text (skipping marked content), a line break after each that ends a line', () => {
    const page = pageText(items);
    expect(page.text).toBe('Senior Kubernetes engineer\nKubernetes');
    expect(page.starts).toEqual([0, 12, 27]);
    expect(page.lengths).toEqual([12, 14, 10]);
  });

  it('maps hits back onto the runs the text layer draws, a hit across two runs in two parts', () => {
    const page = pageText(items);
    const byRun = hitsByRun(page, findHits(page.text, 'kubernetes'), 5);
    expect([...byRun.entries()]).toEqual([
      [0, [{ start: 7, end: 12, hit: 5 }]],
      [1, [{ start: 0, end: 5, hit: 5 }]],
      [2, [{ start: 0, end: 10, hit: 6 }]],
    ]);
  });

  it('keeps words of two lines apart', () => {
    const page = pageText([
      { str: 'Kuber', hasEOL: true },
      { str: 'netes', hasEOL: false },
    ]);
    expect(findHits(page.text, 'kubernetes')).toEqual([]);
  });
});
