import { unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { afterEach, describe, expect, it } from 'vitest';
import { sniffMediaType } from '../../../../attachments/sniff.js';
import { docxDocument, docxParagraphs } from './docx.js';

const ORIGINAL_TZ = process.env.TZ;
afterEach(() => {
  if (ORIGINAL_TZ === undefined) delete process.env.TZ;
  else process.env.TZ = ORIGINAL_TZ;
});

const letter = docxParagraphs([
  { kind: 'title', text: 'Zoë O\'Connor' },
  { kind: 'meta', text: 'Dublin, Ireland' },
  { kind: 'heading', text: 'Experience' },
  { kind: 'entry', text: 'Analyst, Contoso', when: 'Mar 2021 – Present' },
  { kind: 'bullet', text: 'Cut churn by 18% <for real> & more' },
  { kind: 'bullet', text: 'Built the forecast' },
  { kind: 'fields', rows: [['Start date', '4 January 2027']] },
  { kind: 'lines', lines: ['Kind regards,', 'Zoë'] },
]);

describe('docxDocument', () => {
  it('writes a Word document that mammoth reads, headings and lists included, without a warning', async () => {
    const bytes = docxDocument(letter, { title: 'Cover letter', author: 'Zoë O\'Connor', createdAt: Date.UTC(2026, 5, 1) });
    const text = await mammoth.extractRawText({ buffer: bytes });
    expect(text.value).toContain("Zoë O'Connor");
    expect(text.value).toContain('Cut churn by 18% <for real> & more');
    expect(text.value).toContain('Start date: 4 January 2027');
    const html = await mammoth.convertToHtml({ buffer: bytes });
    expect(html.messages).toEqual([]);
    expect(html.value).toContain('<h1>Experience</h1>');
    expect(html.value).toContain('<ul><li>Cut churn by 18% &lt;for real&gt; &amp; more</li><li>Built the forecast</li></ul>');
    expect(html.value).toContain('<strong>Start date: </strong>4 January 2027');
    expect(html.value).toContain('Kind regards,<br />Zoë');
  });

  it('is a zip of the OOXML parts, which the attachment sniffer tells from other zips', () => {
    const bytes = docxDocument(['Hello']);
    expect(Object.keys(unzipSync(bytes)).sort()).toEqual([
      '[Content_Types].xml', '_rels/.rels', 'docProps/core.xml', 'word/_rels/document.xml.rels', 'word/document.xml', 'word/numbering.xml', 'word/styles.xml',
    ]);
    expect(sniffMediaType(bytes)).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  });

  it('gives the same bytes for the same input in any time zone', () => {
    process.env.TZ = 'UTC';
    const utc = docxDocument(letter, { createdAt: Date.UTC(2026, 2, 29, 1, 30) });
    process.env.TZ = 'Europe/Berlin';
    const berlin = docxDocument(letter, { createdAt: Date.UTC(2026, 2, 29, 1, 30) });
    process.env.TZ = 'Pacific/Auckland';
    const auckland = docxDocument(letter, { createdAt: Date.UTC(2026, 2, 29, 1, 30) });
    expect(berlin.equals(utc)).toBe(true);
    expect(auckland.equals(utc)).toBe(true);
    expect(docxDocument(letter, { createdAt: Date.UTC(2026, 2, 30) }).equals(utc)).toBe(false);
  });

  it('dates the document and its zip entries from createdAt', () => {
    const files = unzipSync(docxDocument(['x'], { createdAt: Date.UTC(2026, 6, 14, 8) }));
    expect(new TextDecoder().decode(files['docProps/core.xml'])).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-07-14T08:00:00Z</dcterms:created>');
  });

  it('drops characters XML cannot carry instead of writing a broken document', async () => {
    const bytes = docxDocument(['bell\u0007 and nul\u0000 and a lone \ud800 surrogate']);
    expect((await mammoth.extractRawText({ buffer: bytes })).value.trim()).toBe('bell and nul and a lone  surrogate');
  });
});
