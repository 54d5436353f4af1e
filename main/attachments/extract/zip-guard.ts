/**
 * A DOCX is a zip: its central directory is read (nothing inflated) and refused when it
 * could hurt us to open (zip bombs, path tricks, encryption) or is not a Word document.
 */
import yauzl from 'yauzl';

export const MAX_ZIP_ENTRIES = 1_000;
export const MAX_ZIP_UNCOMPRESSED = 100 * 1024 * 1024;
const MAX_RATIO = 100;
const RATIO_CHECKED_ABOVE = 1024 * 1024;

export class UnsafeZipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsafeZipError';
  }
}

function badName(name: string): string | null {
  if (name.includes('\\')) return 'a backslash';
  if (name.startsWith('/')) return 'an absolute path';
  if (/^[A-Za-z]:/.test(name)) return 'a drive letter';
  if (name.split('/').includes('..')) return '".."';
  return null;
}

/** Resolves when the zip is safe to inflate as a DOCX; rejects with an UnsafeZipError saying why. */
export function checkDocxZip(bytes: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    const refuse = (reason: string) => reject(new UnsafeZipError(`the document was not opened: ${reason}`));
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // Names are decoded here so a hostile one is reported as such, not as yauzl's generic error.
    yauzl.fromBuffer(buffer, { lazyEntries: true, decodeStrings: false }, (openError, zip) => {
      if (openError || zip === undefined) {
        refuse(`it is not a valid zip archive (${openError?.message ?? 'unreadable'})`);
        return;
      }
      if (zip.entryCount > MAX_ZIP_ENTRIES) {
        zip.close();
        refuse(`it holds ${zip.entryCount} files (at most ${MAX_ZIP_ENTRIES})`);
        return;
      }
      let total = 0;
      let hasDocument = false;
      let done = false;
      const stop = (reason: string) => {
        if (done) return;
        done = true;
        zip.close();
        refuse(reason);
      };
      zip.on('error', (error: Error) => stop(`it is damaged (${error.message})`));
      zip.on('entry', (entry: yauzl.Entry) => {
        const raw = entry.fileName as unknown as Buffer;
        const name = raw.toString((entry.generalPurposeBitFlag & 0x800) !== 0 ? 'utf8' : 'latin1');
        const bad = badName(name);
        if (bad !== null) return stop(`a file name holds ${bad} (${JSON.stringify(name.slice(0, 200))})`);
        if ((entry.generalPurposeBitFlag & 0x1) !== 0) return stop(`it is encrypted (${JSON.stringify(name.slice(0, 200))})`);
        total += entry.uncompressedSize;
        if (total > MAX_ZIP_UNCOMPRESSED) return stop(`it would unpack to more than ${MAX_ZIP_UNCOMPRESSED / 1024 / 1024} MB`);
        if (entry.uncompressedSize > RATIO_CHECKED_ABOVE && entry.uncompressedSize > MAX_RATIO * Math.max(entry.compressedSize, 1)) {
          return stop(`${JSON.stringify(name.slice(0, 200))} is compressed more than ${MAX_RATIO}:1 (a zip bomb?)`);
        }
        if (name === 'word/document.xml') hasDocument = true;
        zip.readEntry();
      });
      zip.on('end', () => {
        if (done) return;
        done = true;
        if (!hasDocument) refuse('it is a zip archive but not a Word document (no word/document.xml)');
        else resolve();
      });
      zip.readEntry();
    });
  });
}
