import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkXref, readPdf } from './pdf-reader.testing.js';
import { pdfDocument, pdfLines, winAnsi, type PdfLine } from './pdf.js';

const LOREM = 'Shipped offline sync for the mobile app used by 200k monthly users, with conflict resolution that nobody had to think about.';
const A4_WIDTH = 595;
const MARGIN = 56;

describe('pdfDocument', () => {
  it('writes a PDF that pdf.js reads, page by page, with a byte-exact xref table', async () => {
    const bytes = pdfDocument([['First page', { text: 'Bold heading', bold: true, size: 14 }], ['Second page']], { title: 'Two pages' });
    expect(bytes.subarray(0, 9).toString('latin1')).toBe('%PDF-1.4\n');
    expect(bytes.toString('latin1').endsWith('%%EOF\n')).toBe(true);
    // Catalog, pages, three fonts, a page and its content per page, the info dictionary.
    expect(checkXref(bytes)).toEqual({ objects: 5 + 2 * 2 + 1 });
    const pdf = await readPdf(bytes);
    expect(pdf.pages.map((page) => page.trim().split('\n')[0])).toEqual(['First page', 'Second page']);
    expect(pdf.pages[0]).toContain('Bold heading');
    expect(pdf.info.Title).toBe('Two pages');
  });

  it('wraps long lines inside the margins and continues on a new page when one is full', async () => {
    const lines: PdfLine[] = Array.from({ length: 80 }, (_, i) => `${i + 1}. ${LOREM}`);
    const pdf = await readPdf(pdfDocument([lines], { footer: 'Ada Lovelace' }));
    expect(pdf.pages.length).toBeGreaterThanOrEqual(3);
    const text = pdf.pages.join('\n');
    for (let i = 1; i <= 80; i++) expect(text).toContain(`${i}. Shipped offline sync`);
    // Every wrapped piece starts at the left margin and ends before the right one.
    for (const item of pdf.items.flat()) {
      expect(item.x).toBeGreaterThanOrEqual(MARGIN - 0.01);
      expect(item.x + item.width).toBeLessThanOrEqual(A4_WIDTH - MARGIN + 0.01);
    }
    pdf.pages.forEach((page, i) => expect(page).toMatch(new RegExp(`Ada Lovelace\\s+\u2013\\s+Page ${i + 1} of ${pdf.pages.length}`)));
  });

  it('cuts a word longer than a line rather than letting it run off the page', async () => {
    const word = 'x'.repeat(300);
    const pdf = await readPdf(pdfDocument([[word]]));
    const pieces = pdf.items[0]!.filter((item) => /^x+$/.test(item.str));
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.map((item) => item.str).join('')).toBe(word);
    for (const piece of pieces) expect(piece.x + piece.width).toBeLessThanOrEqual(A4_WIDTH - MARGIN + 0.01);
  });

  it('keeps Latin-1 and typographic characters, folds other Latin letters, and marks other scripts with ?', async () => {
    expect(winAnsi('Café – “quoted” €5 • Œuvre')).toBe('Caf\u00e9 \u0096 \u0093quoted\u0094 \u00805 \u0095 \u008cuvre');
    expect(winAnsi('Łukasz Wiśniewski, Nguyễn')).toBe('Lukasz Wisniewski, Nguyen');
    expect(winAnsi('王伟 (Wang Wei)')).toBe('?? (Wang Wei)');
    const pdf = await readPdf(pdfDocument([['Café – “quoted” €5 • Łukasz (王) \\ done']]));
    expect(pdf.pages[0]).toContain('Café – “quoted” €5 • Lukasz (?) \\ done');
  });

  it('writes the document information in any script, the title and author as given', async () => {
    const pdf = await readPdf(pdfDocument([['x']], { title: 'Lebenslauf – Jürgen Groß', author: '王伟', creator: 'Microsoft Word', createdAt: Date.UTC(2026, 2, 4, 9, 30) }));
    expect(pdf.info).toMatchObject({ Title: 'Lebenslauf – Jürgen Groß', Author: '王伟', Creator: 'Microsoft Word', CreationDate: 'D:20260304093000Z' });
  });

  it('deflates each page into its own content stream, or keeps the whole file ASCII when asked not to compress', () => {
    const pages = [['one', LOREM], ['two'], ['three']];
    const compressed = pdfDocument(pages);
    const streams = [...compressed.toString('latin1').matchAll(/<< \/Length (\d+) \/Filter \/FlateDecode >>\nstream\n/g)];
    expect(streams).toHaveLength(3);
    const first = streams[0]!;
    const start = first.index! + first[0].length;
    expect(inflateSync(compressed.subarray(start, start + Number(first[1]))).toString('latin1')).toContain('(one) Tj');
    const plain = pdfDocument(pages, { compress: false });
    checkXref(plain);
    expect(/[^\x0a\x20-\x7e]/.test(plain.toString('latin1').split('\n').slice(2).join('\n'))).toBe(false);
  });

  it('gives the same bytes for the same input', () => {
    const make = () => pdfDocument([pdfLines([{ kind: 'title', text: 'Zoë' }, { kind: 'paragraph', text: LOREM }])], { title: 'T', createdAt: 0 });
    expect(make().equals(make())).toBe(true);
  });

  it('writes an empty document as one blank page', async () => {
    const bytes = pdfDocument([]);
    checkXref(bytes);
    expect((await readPdf(bytes)).pages).toEqual(['']);
  });
});

describe('pdfLines', () => {
  it('sets every kind of block, with dates flush right and bullets hanging', async () => {
    const pdf = await readPdf(
      pdfDocument([
        pdfLines([
          { kind: 'title', text: 'Ada Lovelace' },
          { kind: 'subtitle', text: 'Analyst' },
          { kind: 'meta', text: 'ada@example.com' },
          { kind: 'rule' },
          { kind: 'heading', text: 'Experience' },
          { kind: 'entry', text: 'Analyst, Contoso', when: 'Mar 2021 – Present' },
          { kind: 'detail', text: 'London' },
          { kind: 'bullet', text: LOREM },
          { kind: 'fields', rows: [['Base salary', 'GBP 54,000']] },
          { kind: 'lines', lines: ['Kind regards,', 'Ada'] },
          { kind: 'code', text: 'npm install\nnpm test' },
        ]),
      ]),
    );
    const text = pdf.pages[0]!;
    for (const expected of ['Ada Lovelace', 'Analyst', 'EXPERIENCE', 'Analyst, Contoso', 'Mar 2021 – Present', 'London', 'Base salary', 'GBP 54,000', 'Kind regards,', 'npm install', 'npm test']) {
      expect(text).toContain(expected);
    }
    const items = pdf.items[0]!;
    const dates = items.find((item) => item.str === 'Mar 2021 – Present')!;
    expect(dates.x + dates.width).toBeCloseTo(A4_WIDTH - MARGIN, 0);
    const bullet = items.find((item) => /^•\s+Shipped/.test(item.str))!;
    const continuation = items.find((item) => item.str.startsWith('nobody') || item.str.includes('had to think about'))!;
    expect(continuation.x).toBeGreaterThan(bullet.x);
  });
});
