/** PDF text with pdf.js (legacy build for Node): no eval, no fonts, no network. */
import './dom-matrix.js';
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import * as pdfWorker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';

// pdf.js runs its parser in this thread when it finds the worker module here, so nothing is loaded by path (the app bundle has no such file).
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = pdfWorker;

export async function pdfText(bytes: Uint8Array, maxChars: number): Promise<string> {
  const task = getDocument({
    // pdf.js may detach the buffer it is given.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    disableAutoFetch: true,
    disableStream: true,
    stopAtErrors: false,
    verbosity: VerbosityLevel.ERRORS,
  });
  let pdf;
  try {
    pdf = await task.promise;
  } catch (error) {
    await task.destroy();
    const name = (error as Error).name;
    if (name === 'PasswordException') throw new Error('the PDF is password-protected', { cause: error });
    if (name === 'InvalidPDFException') throw new Error('the PDF is damaged or truncated', { cause: error });
    throw new Error(`the PDF could not be read (${(error as Error).message})`, { cause: error });
  }
  try {
    const pages: string[] = [];
    let length = 0;
    // Past the text cap the remaining pages cannot add anything kept.
    for (let n = 1; n <= pdf.numPages && length <= maxChars; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str;
        if (item.hasEOL) text += '\n';
      }
      page.cleanup();
      pages.push(text.trim());
      length += text.length;
    }
    return pages.join('\n\n');
  } catch (error) {
    throw new Error(`the PDF is damaged or truncated (${(error as Error).message})`, { cause: error });
  } finally {
    await task.destroy();
  }
}
