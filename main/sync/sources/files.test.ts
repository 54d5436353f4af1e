import { mkdirSync, writeFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixturePath, readFixture, tempDir, type TempDir } from '../../testing/temp.js';
import type { SourceItem } from '../types.js';
import { MAX_DOCUMENT_BYTES, readEventsFromPath, readEventsFromStream, SourceReadError } from './files.js';

let dir: TempDir;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.remove());

async function collect(items: AsyncIterable<SourceItem>): Promise<SourceItem[]> {
  const all: SourceItem[] = [];
  for await (const item of items) all.push(item);
  return all;
}

function write(name: string, text: string): string {
  const path = dir.file(name);
  writeFileSync(path, text);
  return path;
}

const sources = (items: SourceItem[]) => items.map((item) => item.source);
const ev = (id: string) => JSON.stringify({ eventId: id, eventType: 'record.new', recordId: 'a', eventData: { currentStage: { text: 's' } } });

describe('reading events from files', () => {
  it('reads a pretty-printed single event', async () => {
    const items = await collect(readEventsFromPath(fixturePath('seed-example-event.json')));
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ source: 'seed-example-event.json:1', value: { eventId: 'ev_seed_0001' } });
  });

  it('reads NDJSON line by line, with line numbers from 1', async () => {
    const items = await collect(readEventsFromPath(fixturePath('seed-lifecycle.ndjson')));
    expect(sources(items)).toEqual(['seed-lifecycle.ndjson:1', 'seed-lifecycle.ndjson:2', 'seed-lifecycle.ndjson:3', 'seed-lifecycle.ndjson:4']);
  });

  it('reports a broken NDJSON line with its line number and reads the rest', async () => {
    const path = write('mixed.ndjson', `${ev('a')}\n\n{"eventId": "b", oops\n${ev('c')}\r\n${ev('d')}`);
    const items = await collect(readEventsFromPath(path));
    expect(sources(items)).toEqual(['mixed.ndjson:1', 'mixed.ndjson:3', 'mixed.ndjson:4', 'mixed.ndjson:5']);
    expect(items[1]).toMatchObject({ error: expect.stringMatching(/^not valid JSON at column \d+: /), body: '{"eventId": "b", oops' });
    expect(items[3]).toMatchObject({ value: { eventId: 'd' } });
  });

  it('still reads NDJSON whose first line is broken', async () => {
    const path = write('first-broken.ndjson', `{"eventId": \n${ev('b')}\n`);
    const items = await collect(readEventsFromPath(path));
    expect(items.map((i) => ('error' in i ? 'error' : 'ok'))).toEqual(['error', 'ok']);
  });

  it('reads a JSON array, naming each element by the line it starts on', async () => {
    const path = write('array.json', `[\n  ${ev('a')},\n  {\n    "eventId": "b"\n  }\n]\n`);
    const items = await collect(readEventsFromPath(path));
    expect(sources(items)).toEqual(['array.json:2', 'array.json:3']);
  });

  it('says where the reference example as published breaks, and yields nothing', async () => {
    const read = collect(readEventsFromPath(fixturePath('seed-example-as-published.txt')));
    await expect(read).rejects.toThrow(SourceReadError);
    await expect(collect(readEventsFromPath(fixturePath('seed-example-as-published.txt')))).rejects.toThrow(
      /^seed-example-as-published\.txt:16:27: not valid JSON: Bad control character in string literal/,
    );
  });

  it('says where a file that is not JSON at all breaks', async () => {
    const path = write('notes.txt', 'Dear recruiter,\nplease find attached.\n');
    await expect(collect(readEventsFromPath(path))).rejects.toThrow(/^notes\.txt:1:1: not valid JSON/);
  });

  it('reads an empty file as no events', async () => {
    expect(await collect(readEventsFromPath(write('empty.ndjson', '\n\n')))).toEqual([]);
  });

  it('skips a byte order mark', async () => {
    const items = await collect(readEventsFromPath(write('bom.ndjson', `\ufeff${ev('a')}\n`)));
    expect(items).toEqual([expect.objectContaining({ value: expect.objectContaining({ eventId: 'a' }) })]);
  });

  it('reads a folder in name order, recursively, and reports an unreadable file without stopping', async () => {
    mkdirSync(dir.file('drop/sub'), { recursive: true });
    writeFileSync(dir.file('drop/b.ndjson'), `${ev('b')}\n`);
    writeFileSync(dir.file('drop/a.json'), `[${ev('a')}]`);
    writeFileSync(dir.file('drop/sub/c.ndjson'), `${ev('c')}\n`);
    writeFileSync(dir.file('drop/broken.json'), '{\n  "eventId": "x",\n  oops\n}');
    writeFileSync(dir.file('drop/.hidden'), 'ignored');
    const items = await collect(readEventsFromPath(dir.file('drop')));
    expect(sources(items)).toEqual(['a.json:1', 'b.ndjson:1', 'broken.json', 'sub/c.ndjson:1']);
    expect(items[2]).toMatchObject({ error: expect.stringMatching(/^3:3: not valid JSON/) });
  });

  it('fails clearly for a path that does not exist', async () => {
    await expect(collect(readEventsFromPath(dir.file('nope.ndjson')))).rejects.toThrow(/cannot read .*nope\.ndjson: no such file or folder/);
  });

  it('streams NDJSON from any byte stream, even split mid-line and mid-character', async () => {
    const text = `${ev('é1')}\n${ev('ü2')}\n`;
    const bytes = Buffer.from(text);
    const chunks = [bytes.subarray(0, 17), bytes.subarray(17, 18), bytes.subarray(18)];
    const items = await collect(readEventsFromStream(Readable.from(chunks), 'stdin'));
    expect(items.map((i) => ('value' in i ? (i.value as { eventId: string }).eventId : i.error))).toEqual(['é1', 'ü2']);
    expect(sources(items)).toEqual(['stdin:1', 'stdin:2']);
  });

  it('refuses a single JSON document too large to parse whole', async () => {
    const huge = { async *[Symbol.asyncIterator]() {
      yield Buffer.from('[\n');
      const chunk = Buffer.alloc(16 * 1024 * 1024, 0x20);
      for (let sent = 0; sent <= MAX_DOCUMENT_BYTES; sent += chunk.length) yield chunk;
    } };
    await expect(collect(readEventsFromStream(huge, 'big.json'))).rejects.toThrow(/larger than 256 MiB; send it as NDJSON/);
  });

  it('reads the fixture webhook body (no trailing newline)', async () => {
    const items = await collect(readEventsFromStream(Readable.from([Buffer.from(readFixture('signed-webhook-body.json'))]), 'body'));
    expect(items).toHaveLength(1);
  });
});
