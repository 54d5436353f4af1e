import { describe, expect, it } from 'vitest';
import { highlightSegments, searchTerms, type Segment } from './highlight';

const marked = (segments: Segment[]) => segments.filter((s) => s.match).map((s) => s.text);
const joined = (segments: Segment[]) => segments.map((s) => s.text).join('');

describe('search highlighting', () => {
  it('marks the typed prefix of each matching word, ignoring case', () => {
    const segments = highlightSegments('Anna Annabel Joanna', searchTerms('ann'));
    expect(marked(segments)).toEqual(['Ann', 'Ann']);
    expect(joined(segments)).toBe('Anna Annabel Joanna');
  });

  it('matches across accents both ways and keeps the original letters', () => {
    expect(marked(highlightSegments('Zoë Łukasz', searchTerms('zoe luk')))).toEqual(['Zoë', 'Łuk']);
    expect(marked(highlightSegments('Zoe Lukas', searchTerms('zoë')))).toEqual(['Zoe']);
    // Decomposed accents (e + U+0301) stay with their letter.
    expect(marked(highlightSegments('Rene\u0301e', searchTerms('rene')))).toEqual(['Rene\u0301']);
  });

  it('maps letters that fold to two (ß -> ss) back to the original text', () => {
    expect(marked(highlightSegments('Straße', searchTerms('strass')))).toEqual(['Straß']);
  });

  it('treats regex characters as plain text and never matches everything', () => {
    expect(searchTerms('.* (a+ [x] \\')).toEqual(['a', 'x']);
    expect(highlightSegments('.* matters', searchTerms('.*'))).toEqual([{ text: '.* matters', match: false }]);
    expect(marked(highlightSegments('C++ (senior)', searchTerms('c++ (sen')))).toEqual(['C', 'sen']);
  });

  it('marks inside emails by word and leaves markup-looking text as text', () => {
    expect(marked(highlightSegments('anna.k@mail.example', searchTerms('mail')))).toEqual(['mail']);
    expect(joined(highlightSegments('<script>alert(1)</script>', searchTerms('script')))).toBe('<script>alert(1)</script>');
  });

  it('returns the text whole when nothing was typed or nothing matches', () => {
    expect(highlightSegments('Anna', [])).toEqual([{ text: 'Anna', match: false }]);
    expect(highlightSegments('Anna', searchTerms('bob'))).toEqual([{ text: 'Anna', match: false }]);
  });
});
