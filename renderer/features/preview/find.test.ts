import { describe, expect, it } from 'vitest';
import { findHits, hitLabel, splitByHits, stepHit } from './find';

const words = (text: string, query: string) => findHits(text, query).map((hit) => text.slice(hit.start, hit.end));

describe('find in document', () => {
  it('finds every word of the query at the start of words, ignoring case and accents, as the search box does', () => {
    expect(words('Kubernetes, kubectl and KUBERNETES; mini-kube', 'kube')).toEqual(['Kube', 'kube', 'KUBE', 'kube']);
    expect(words('Zoë led the Łódź office', 'zoe lodz')).toEqual(['Zoë', 'Łódź']);
    expect(words('Python and Go', 'go python')).toEqual(['Python', 'Go']);
  });

  it('does not match inside a word or treat typed symbols as patterns', () => {
    expect(words('Netes and kubernetes', 'netes')).toEqual(['Netes']);
    expect(findHits('a.* (b) [c]', '.*')).toEqual([]);
    expect(words('C++ and C#', 'c++')).toEqual(['C', 'C']);
  });

  it('stops counting at the limit so a one-letter find in a long file stays quick', () => {
    const text = 'a '.repeat(100);
    expect(findHits(text, 'a', 10)).toHaveLength(10);
    expect(findHits(text, '')).toEqual([]);
  });

  it('labels where we are among the hits and steps round at both ends', () => {
    expect(hitLabel(2, 12)).toBe('3 of 12');
    expect(hitLabel(0, 0)).toBe('No matches');
    expect(hitLabel(4, 5000, true)).toBe('5 of 5,000+');
    expect(stepHit(11, 12, 1)).toBe(0);
    expect(stepHit(0, 12, -1)).toBe(11);
    expect(stepHit(3, 0, 1)).toBe(0);
  });

  it('cuts text into plain and hit runs that join back into the text, numbered from a first hit', () => {
    const text = 'Go and go again';
    const runs = splitByHits(text, findHits(text, 'go'), 7);
    expect(runs).toEqual([
      { text: 'Go', hit: 7 },
      { text: ' and ', hit: -1 },
      { text: 'go', hit: 8 },
      { text: ' again', hit: -1 },
    ]);
    expect(runs.map((run) => run.text).join('')).toBe(text);
    expect(splitByHits('', [])).toEqual([{ text: '', hit: -1 }]);
  });
});
