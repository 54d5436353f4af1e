import { describe, expect, it } from 'vitest';
import { MAX_FILE_NAME_BYTES, safeFileName } from './file-name.js';

const pdf = { stem: 'Ada Lovelace - Résumé', mediaType: 'application/pdf' };
const bytes = (text: string) => new TextEncoder().encode(text).length;

describe('safe file names', () => {
  it('keeps an ordinary name as it is', () => {
    expect(safeFileName('Ada Lovelace CV.pdf', pdf)).toBe('Ada Lovelace CV.pdf');
  });

  it('never lets a name climb out of the folder', () => {
    expect(safeFileName('../../etc/passwd', pdf)).toBe('_.._etc_passwd.pdf');
    expect(safeFileName('..\\..\\Windows\\win.ini', pdf)).toBe('_.._Windows_win.ini');
    expect(safeFileName('..', pdf)).toBe('Ada Lovelace - Résumé.pdf');
    expect(safeFileName('/', pdf)).toBe('_.pdf');
  });

  it('drops control and bidi characters that hide the real extension', () => {
    expect(safeFileName('cv\u0000.pdf', pdf)).toBe('cv.pdf');
    expect(safeFileName('invoice\u202Efdp.exe', pdf)).toBe('invoicefdp.exe');
    expect(safeFileName('a\u2066b\u2069\u200e.txt', pdf)).toBe('ab.txt');
    expect(safeFileName('line\r\nbreak.txt', pdf)).toBe('linebreak.txt');
  });

  it('replaces what Windows forbids and its trailing dots and spaces', () => {
    expect(safeFileName('what?<now>*|".pdf', pdf)).toBe('what__now____.pdf');
    expect(safeFileName('notes. . ', { stem: 'x', mediaType: 'text/plain' })).toBe('notes.txt');
  });

  it('prefixes reserved Windows device names, with or without an extension', () => {
    expect(safeFileName('CON', pdf)).toBe('_CON.pdf');
    expect(safeFileName('nul.txt', pdf)).toBe('_nul.txt');
    expect(safeFileName('com1.pdf', pdf)).toBe('_com1.pdf');
    expect(safeFileName('console.pdf', pdf)).toBe('console.pdf');
  });

  it('composes to NFC', () => {
    expect(safeFileName('Re\u0301sume\u0301.pdf', pdf)).toBe('Résumé.pdf');
  });

  it('cuts long names to 200 UTF-8 bytes, keeping the extension and whole characters', () => {
    const cjk = safeFileName(`${'履歴書'.repeat(40)}.pdf`, pdf);
    expect(bytes(cjk)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
    expect(cjk.endsWith('.pdf')).toBe(true);
    expect(cjk.startsWith('履歴書履歴書')).toBe(true);
    const emoji = safeFileName(`${'👩🏽‍💻'.repeat(30)}.docx`, pdf);
    expect(bytes(emoji)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
    expect(emoji.replace('.docx', '')).toMatch(/^(👩🏽‍💻)+$/u);
  });

  it('makes a name from the application and type when nothing is left, and adds a missing extension', () => {
    expect(safeFileName(null, pdf)).toBe('Ada Lovelace - Résumé.pdf');
    expect(safeFileName('\u202E\u0000', { stem: 'application-42-attachment-1', mediaType: 'image/jpeg' })).toBe('application-42-attachment-1.jpg');
    expect(safeFileName('resume', pdf)).toBe('resume.pdf');
    expect(safeFileName('', { stem: '', mediaType: null })).toBe('attachment');
  });
});
