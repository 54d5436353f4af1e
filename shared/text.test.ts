import { describe, expect, it } from 'vitest';
import { sortKey } from './text.js';

describe('sortKey', () => {
  it('folds case and accents, and the letters Unicode does not decompose', () => {
    expect(sortKey('Zoë Müller')).toBe('zoe muller');
    expect(sortKey('Łukasz Øster-Straße')).toBe('lukasz oster-strasse');
    expect(sortKey('ADA Lovelace')).toBe('ada lovelace');
  });

  it('sorts names the way a person expects', () => {
    const names = ['Zoë', 'Łukasz', 'Ana', 'Émile', 'lucas', 'Eve'];
    expect([...names].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1))).toEqual(['Ana', 'Émile', 'Eve', 'lucas', 'Łukasz', 'Zoë']);
  });
});
