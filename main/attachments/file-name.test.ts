import { describe, expect, it } from 'vitest';
import { MAX_FILE_NAME_BYTES, safeFileName } from './file-name.js';

const pdf = { stem: 'Ada Lovelace - Résumé', mediaType: 'application/pdf' };
const bytes = (text: string) => new TextEncoder().encode(text).length;

describe('safe file names', () => {
  it('keeps an ordinary name as it is', () => {
    expect(safeFileName('Ada Lovelace CV.pdf', pdf)).toBe('Ada Lovelace CV.pdf');
  });

  it('never lets a name climb out of the folder', () => {
    expect(safeFileName('../../etc/passwd', pdf)).toBe('_._etc_passwd.pdf');
    expect(safeFileName('..\\..\\Windows\\win.ini', pdf)).toBe('_._Windows_win.ini.pdf');
    expect(safeFileName('..', pdf)).toBe('Ada Lovelace - Résumé.pdf');
    expect(safeFileName('/', pdf)).toBe('_.pdf');
  });

  it('drops control and bidi characters that hide the real extension', () => {
    expect(safeFileName('cv\u0000.pdf', pdf)).toBe('cv.pdf');
    // Shown as "invoiceexe.pdf"; saved as what it is, with the extension of the PDF its bytes are.
    expect(safeFileName('invoice\u202Efdp.exe', pdf)).toBe('invoicefdp.exe.pdf');
    expect(safeFileName('photo\u202Egpj.exe', { stem: 'x', mediaType: 'application/octet-stream' })).toBe('photogpj.exe');
    expect(safeFileName('a\u2066b\u2069\u200e.txt', pdf)).toBe('ab.txt');
    expect(safeFileName('line\r\nbreak.txt', pdf)).toBe('line break.txt');
    expect(safeFileName('Ada\tLovelace\u0085CV\u009b.pdf', pdf)).toBe('Ada Lovelace CV.pdf');
    expect(safeFileName('cv\u007f\u0001.pdf', pdf)).toBe('cv.pdf');
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
    expect(safeFileName('Con .txt', pdf)).toBe('_Con .txt');
    expect(safeFileName('LPT9.tar.gz', pdf)).toBe('_LPT9.tar.gz.pdf');
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
    // Cut where the stem had a dot and a space: neither is left before the extension.
    const dotted = safeFileName(`${'a'.repeat(194)}. bcdef.pdf`, pdf);
    expect(dotted).toBe(`${'a'.repeat(194)}.pdf`);
  });

  it('makes a name from the application and type when nothing is left, and adds a missing extension', () => {
    expect(safeFileName(null, pdf)).toBe('Ada Lovelace - Résumé.pdf');
    expect(safeFileName('\u202E\u0000', { stem: 'application-42-attachment-1', mediaType: 'image/jpeg' })).toBe('application-42-attachment-1.jpg');
    expect(safeFileName('resume', pdf)).toBe('resume.pdf');
    expect(safeFileName('Résumé v2.0', pdf)).toBe('Résumé v2.0.pdf');
    expect(safeFileName('letter.PDF', { stem: 'x', mediaType: 'text/html' })).toBe('letter.PDF');
    expect(safeFileName('', { stem: '', mediaType: null })).toBe('attachment');
  });
});
