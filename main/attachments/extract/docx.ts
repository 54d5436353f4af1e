/** Word documents through mammoth, after the zip guard has read the archive's directory. */
import mammoth from 'mammoth';
import { checkDocxZip } from './zip-guard.js';

const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

export async function docxText(bytes: Uint8Array): Promise<string> {
  await checkDocxZip(bytes);
  const result = await mammoth.extractRawText({ buffer: asBuffer(bytes) });
  return result.value;
}

export async function docxHtml(bytes: Uint8Array): Promise<{ html: string; warnings: string[] }> {
  await checkDocxZip(bytes);
  const result = await mammoth.convertToHtml({ buffer: asBuffer(bytes) });
  return { html: result.value, warnings: result.messages.map((m) => m.message) };
}
