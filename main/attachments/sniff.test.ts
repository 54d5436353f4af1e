import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DOCX, extensionFor, mediaTypeFromName, previewKind, sniffMediaType } from './sniff.js';

const zip = (files: Record<string, string>) => Buffer.from(zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)]))));
const sniff = (text: string | Buffer) => sniffMediaType(typeof text === 'string' ? Buffer.from(text) : text);

describe('sniffing media types from bytes', () => {
  it('knows the binary formats an ATS sends by their magic numbers', () => {
    expect(sniff('%PDF-1.4\n')).toBe('application/pdf');
    expect(sniff(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(sniff(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniff('GIF89a....')).toBe('image/gif');
    expect(sniff(Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]))).toBe('image/webp');
    expect(sniff(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe('application/msword');
    expect(sniff('{\\rtf1 resume')).toBe('application/rtf');
  });

  it('tells DOCX from other zips by the central directory, not by a name in the first bytes', () => {
    expect(sniff(zip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }))).toBe(DOCX);
    expect(sniff(zip({ 'xl/workbook.xml': '<workbook/>' }))).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(sniff(zip({ 'notes/word/readme.txt': 'word/document.xml is not here' }))).toBe('application/zip');
    // A local header naming word/ but no central directory: a truncated zip, not a document.
    expect(sniff(Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.from('....word/document.xml')]))).toBe('application/zip');
  });

  it('tells SVG and HTML from the text, after an XML prologue or a comment', () => {
    expect(sniff('<?xml version="1.0"?>\n<!-- logo -->\n<svg xmlns="http://www.w3.org/2000/svg"></svg>')).toBe('image/svg+xml');
    expect(sniff('  <!DOCTYPE html><p>cv</p>')).toBe('text/html');
    expect(sniff('<html><body>Dear team</body></html>')).toBe('text/html');
    expect(sniff('<p>Dear hiring team,</p><p>I am writing…</p>')).toBe('text/html');
  });

  it('finds JSON, CSV and Markdown only where the content says so', () => {
    expect(sniff('{"skills": ["go", "sql"]}')).toBe('application/json');
    expect(sniff('[1, 2, 3]')).toBe('application/json');
    expect(sniff('42')).toBe('text/plain');
    expect(sniff('{not json at all')).toBe('text/plain');
    expect(sniff('name,email,score\r\nAda,ada@example.com,9\r\nLin,"lin, jr@example.com",8\r\n')).toBe('text/csv');
    expect(sniff('Thank you, truly, for the call.')).toBe('text/plain');
    expect(sniff('# Take-home\n\n- ran the tests\n- see [the notes](https://example.com)\n')).toBe('text/markdown');
    expect(sniff('Liebe Grüße, Zoë\n- signed')).toBe('text/plain');
  });

  it('reads UTF-16 text with a byte order mark, naming the charset', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Dear team', 'utf16le')]);
    expect(sniff(le)).toBe('text/plain; charset=utf-16le');
    const be = Buffer.from(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('<html>', 'utf16le').swap16()]));
    expect(sniff(be)).toBe('text/html; charset=utf-16be');
  });

  it('calls binary garbage, invalid UTF-8 and an empty file what they are', () => {
    expect(sniff(Buffer.from([0x00, 0x01, 0x02, 0xff]))).toBe('application/octet-stream');
    expect(sniff(Buffer.from([0xc3, 0x28, 0x41]))).toBe('application/octet-stream');
    expect(sniff(Buffer.alloc(0))).toBe('text/plain');
    expect(sniff(Buffer.from([0x01, 0x02, 0x03, 0x41, 0x42]))).toBe('application/octet-stream');
    expect(sniff(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('\u0001\u0002', 'utf16le')]))).toBe('application/octet-stream');
    expect(sniff('tab\tand form feed\f and escape \u001b[0m are text')).toBe('text/plain');
  });

  it('takes neither a one-line nor a two-line sentence with a comma for CSV', () => {
    expect(sniff('Hello, I am Ada, a developer.')).toBe('text/plain');
    expect(sniff('Hi, here is my CV.\nThanks, Ada\n')).toBe('text/plain');
    expect(sniff('a;b;c\n1;2;3\n')).toBe('text/csv');
    expect(sniff('a\tb\tc\n1\t2\t3\n')).toBe('text/csv');
  });

  it('goes by the bytes when the name says otherwise', () => {
    const letter = '<!DOCTYPE html><html><body><p>Dear team</p></body></html>';
    expect(mediaTypeFromName('cv.pdf')).toBe('application/pdf');
    expect(sniff(letter)).toBe('text/html');
    expect(sniff(zip({ 'ppt/presentation.xml': '<p:presentation/>' }))).toBe('application/vnd.openxmlformats-officedocument.presentationml.presentation');
  });

  it('reads long text cut mid-character at the sample edge as text', () => {
    expect(sniff(Buffer.from(`${'a'.repeat(16 * 1024 - 1)}é and more`))).toBe('text/plain');
    // The emoji's surrogate pair straddles the 16 KB sample: bytes 16382-16385.
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${'a'.repeat(8190)}👩 and more`, 'utf16le')]);
    expect(sniff(utf16)).toBe('text/plain; charset=utf-16le');
  });
});

describe('what a name claims and what a preview does', () => {
  it('reads the declared type from the extension only', () => {
    expect(mediaTypeFromName('cv.PDF')).toBe('application/pdf');
    expect(mediaTypeFromName('cover letter.docx')).toBe(DOCX);
    expect(mediaTypeFromName('no extension')).toBeNull();
    expect(mediaTypeFromName(null)).toBeNull();
  });

  it('maps media types to preview kinds and extensions', () => {
    expect(previewKind('text/plain; charset=utf-16le')).toBe('text');
    expect(previewKind('image/svg+xml')).toBe('svg');
    expect(previewKind('application/zip')).toBe('other');
    expect(extensionFor('image/jpeg')).toBe('jpg');
    expect(extensionFor('text/html; charset=utf-16be')).toBe('html');
    expect(extensionFor('application/octet-stream')).toBeNull();
  });
});
