import { afterAll, describe, expect, it } from 'vitest';
import { closeExtractors } from '../../attachments/extract/index.js';
import { runImport } from '../../sync/run.js';
import { applicationWithAttachments } from '../../testing/attachment-events.js';
import { tempDb, tempDir } from '../../testing/temp.js';
import { BrowseQueries } from './browse.js';
import { snippetOf } from './match-hints.js';

afterAll(() => closeExtractors());

describe('why a search hit is on the list', () => {
  it('points into the attachment that holds the word, with an excerpt, and says nothing when a column shows it', async () => {
    const dir = tempDir();
    const db = tempDb(dir);
    const notes = Buffer.from('Interview notes\nShe ran Kubernetes clusters at scale for six years.\n');
    await runImport(
      db,
      [
        { source: 't:1', value: applicationWithAttachments('app_1', [{ name: 'photo.png', bytes: Buffer.from('not text') }, { name: 'notes.txt', bytes: notes }], { first: 'Ada', last: 'Lovelace' }) },
        { source: 't:2', value: applicationWithAttachments('app_2', [{ name: 'cv.txt', bytes: Buffer.from('Kubernetes everywhere') }], { first: 'Kubernetes', last: 'Fan' }) },
      ],
      { source: 'test' },
    );
    const browse = new BrowseQueries(db);
    const { items } = browse.list({ q: 'kube', sort: 'relevance' });
    const byId = new Map(items.map((item) => [item.id, item]));
    expect(byId.get('app_1')?.match).toEqual({
      field: 'attachment',
      attachment: { n: 2, name: 'notes.txt' },
      snippet: 'Interview notes She ran Kubernetes clusters at scale for six years.',
    });
    // The name column shows the hit: no hint.
    expect(byId.get('app_2')?.match).toBeUndefined();
    expect(browse.list({}).items.every((item) => item.match === undefined)).toBe(true);
    db.close();
    dir.remove();
  });

  it('cuts a long text around the first word the terms start, at word boundaries', () => {
    const text = `${'lorem ipsum '.repeat(20)}Łukasz knows kubernetes well ${'dolor sit '.repeat(30)}`;
    const snippet = snippetOf(text, ['lukasz'])!;
    expect(snippet.startsWith('… ')).toBe(true);
    expect(snippet.endsWith(' …')).toBe(true);
    expect(snippet).toContain('Łukasz knows kubernetes well');
    expect(snippet.length).toBeLessThan(150);
    expect(snippetOf(text, ['zebra'])).toBeNull();
  });

  it('in plain ASCII text, finds the first word a term starts, in any case, and never a word that merely contains it', () => {
    const text = `Cabinet maker. ${'filler words here '.repeat(12)}Ran a NETWORK team; networks of ${'more filler '.repeat(12)}`;
    const snippet = snippetOf(text, ['net'])!;
    expect(snippet).toContain('Ran a NETWORK team');
    expect(snippet).not.toContain('Cabinet');
    expect(snippetOf(text, ['abinet'])).toBeNull();
    expect(snippetOf('Go, Rust and TypeScript', ['rust', 'go'])).toBe('Go, Rust and TypeScript');
  });
});
