import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { sniffMediaType } from '../../../../attachments/sniff.js';
import type { Block } from './blocks.js';
import { csvDocument, markdown, plainText } from './text.js';

const notes: Block[] = [
  { kind: 'title', text: 'Rate limiter: take-home' },
  { kind: 'paragraph', text: 'My solution, with *stars* and [brackets].' },
  { kind: 'heading', text: 'Running it' },
  { kind: 'code', text: 'npm install\nnpm test' },
  { kind: 'bullet', text: 'One transaction per write.' },
  { kind: 'bullet', text: 'Errors as JSON.' },
  { kind: 'bullet', text: 'An injected clock.' },
  { kind: 'fields', rows: [['Notice period', 'One month']] },
];

describe('plainText', () => {
  it('writes one paragraph per line with blank lines between, and bullets that do not read as Markdown', () => {
    const bytes = plainText(notes);
    const text = bytes.toString('utf8');
    expect(text).toBe(
      'Rate limiter: take-home\n\nMy solution, with *stars* and [brackets].\n\nRUNNING IT\n\n    npm install\n    npm test\n' +
        '• One transaction per write.\n• Errors as JSON.\n• An injected clock.\n\nNotice period: One month\n',
    );
    expect(sniffMediaType(bytes)).toBe('text/plain');
  });
});

describe('markdown', () => {
  it('writes headings, fenced code, lists and a table, escaping what Markdown would read as markup', () => {
    const bytes = markdown(notes);
    const text = bytes.toString('utf8');
    expect(text).toContain('# Rate limiter: take-home\n\nMy solution, with \\*stars\\* and \\[brackets\\].\n\n## Running it\n\n```\nnpm install\nnpm test\n```\n');
    expect(text).toContain('- One transaction per write.\n- Errors as JSON.\n- An injected clock.\n');
    expect(text).toContain('| **Notice period** | One month |');
    expect(sniffMediaType(bytes)).toBe('text/markdown');
  });
});

describe('csvDocument', () => {
  it('writes RFC 4180 CSV that a CSV parser reads back cell for cell', () => {
    const rows = [
      ['Name', 'Company', 'Comment'],
      ["Seán O'Connor", 'Margie\'s Travel', 'Said "excellent", twice'],
      ['Zoë', 'Contoso, Inc.', 'line one\nline two'],
    ];
    const bytes = csvDocument(rows);
    expect(bytes.toString('utf8').split('\r\n')[0]).toBe('Name,Company,Comment');
    expect(parse(bytes)).toEqual(rows);
    expect(sniffMediaType(bytes)).toBe('text/csv');
  });
});
