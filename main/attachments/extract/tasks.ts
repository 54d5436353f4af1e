/** What a worker is asked to do, and the extractor chosen by the attachment's media type. */
import { docxHtml, docxText } from './docx.js';
import { htmlText } from './html.js';
import { MAX_TEXT_CHARS, capText } from './limits.js';
import { pdfText } from './pdf.js';
import { DOCX, essence, PLAIN } from './media.js';
import { decodePlainText } from './plain.js';

export type TaskKind = 'text' | 'docx-html' | 'test-loop' | 'test-crash' | 'test-oom' | 'test-echo' | 'test-busy';

export interface Task {
  kind: TaskKind;
  bytes: Uint8Array;
  mediaType: string;
}

export type TaskResult =
  | { ok: true; text: string; truncated: boolean }
  | { ok: true; html: string; warnings: string[] }
  | { ok: false; error: string };


async function rawText(bytes: Uint8Array, mediaType: string): Promise<string> {
  const type = essence(mediaType);
  if (type === 'application/pdf') return pdfText(bytes, MAX_TEXT_CHARS);
  if (type === DOCX) return docxText(bytes);
  if (type === 'text/html') return htmlText(decodePlainText(bytes));
  if (PLAIN.has(type)) return decodePlainText(bytes);
  throw new Error(`no text is read from ${type || 'files of unknown type'}`);
}

/** Runs in a worker; test kinds exist only when the pool was made with `testTasks`. */
export async function runTask(task: Task, testTasks: boolean): Promise<TaskResult> {
  if (task.kind.startsWith('test-') && !testTasks) return { ok: false, error: `unknown task ${task.kind}` };
  try {
    switch (task.kind) {
      case 'text':
        return { ok: true, ...capText(await rawText(task.bytes, task.mediaType)) };
      case 'docx-html':
        return { ok: true, ...(await docxHtml(task.bytes)) };
      case 'test-echo':
        return { ok: true, ...capText(Buffer.from(task.bytes).toString('utf8')) };
      case 'test-busy': {
        // Keeps the worker busy for the milliseconds its bytes say, then answers like test-echo.
        const until = Date.now() + Number(Buffer.from(task.bytes).toString('utf8'));
        while (Date.now() < until);
        return { ok: true, text: 'done', truncated: false };
      }
      case 'test-loop':
        for (;;);
      case 'test-crash':
        process.exit(3);
      // eslint-disable-next-line no-fallthrough
      case 'test-oom': {
        const hoard: string[][] = [];
        for (;;) hoard.push(Array.from({ length: 1e5 }, (_, i) => `${i}-${hoard.length}`));
      }
    }
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}
