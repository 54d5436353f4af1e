import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { docxWithParagraphs } from './test-files.js';
import { checkDocxZip } from './zip-guard.js';

const doc = { 'word/document.xml': strToU8('<w:document/>') };

describe('the DOCX zip guard', () => {
  it('accepts a Word document', async () => {
    await expect(checkDocxZip(docxWithParagraphs(['Hello']))).resolves.toBeUndefined();
  });

  it('refuses a zip bomb before inflating it', async () => {
    const bomb = zipSync({ ...doc, 'word/media/zeros.bin': new Uint8Array(200 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await expect(checkDocxZip(bomb)).rejects.toThrow(/more than 100 MB|compressed more than 100:1/);
  });

  it('refuses one highly compressed entry even under the total limit', async () => {
    const bomb = zipSync({ ...doc, 'word/zeros.bin': new Uint8Array(20 * 1024 * 1024) }, { level: 9 });
    await expect(checkDocxZip(bomb)).rejects.toThrow(/"word\/zeros.bin" is compressed more than 100:1/);
  });

  it.each([
    ['../evil', '".."'],
    ['word/../../evil', '".."'],
    ['/etc/passwd', 'an absolute path'],
    ['C:/evil', 'a drive letter'],
    ['word\\evil', 'a backslash'],
  ])('refuses the entry name %s', async (name, reason) => {
    const zip = zipSync({ ...doc, [name]: strToU8('x') });
    await expect(checkDocxZip(zip)).rejects.toThrow(`a file name holds ${reason}`);
  });

  it('refuses too many entries', async () => {
    const files: Record<string, Uint8Array> = { ...doc };
    for (let i = 0; i < 1001; i++) files[`word/f${i}.xml`] = strToU8('x');
    await expect(checkDocxZip(zipSync(files))).rejects.toThrow(/holds 1002 files \(at most 1000\)/);
  });

  it('refuses a zip without word/document.xml, and bytes that are not a zip', async () => {
    await expect(checkDocxZip(zipSync({ 'a.txt': strToU8('x') }))).rejects.toThrow(/not a Word document/);
    await expect(checkDocxZip(strToU8('just text'))).rejects.toThrow(/not a valid zip archive/);
  });

  it('refuses encrypted entries', async () => {
    const zip = zipSync({ ...doc, 'secret.xml': strToU8('x') });
    // Set the "encrypted" flag in the central directory record of the second entry.
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    let central = -1;
    for (let i = 0; i < zip.length - 4; i++) if (view.getUint32(i, true) === 0x02014b50) central = i;
    view.setUint16(central + 8, view.getUint16(central + 8, true) | 1, true);
    await expect(checkDocxZip(zip)).rejects.toThrow(/encrypted/);
  });
});
