import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { strToU8 } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { closeExtractors, docxToHtml, ExtractorPool, extractText, MAX_TEXT_CHARS } from './index.js';
import { docxWithParagraphs, pdfWithPages } from './test-files.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const pool = new ExtractorPool({ size: 2, timeoutMs: 1_500, testTasks: true });
afterAll(async () => {
  await pool.close();
  await closeExtractors();
});

describe('text extraction', () => {
  it('reads every page of a PDF, line by line', async () => {
    const pdf = pdfWithPages([['Senior engineer', 'Kubernetes and Go'], ['References (on request)']]);
    const result = await extractText(pdf, 'application/pdf', pool);
    expect(result).toEqual({ text: 'Senior engineer\nKubernetes and Go\n\nReferences (on request)', truncated: false });
  });

  it('says why a PDF cannot be read: truncated, encrypted, garbage', async () => {
    const pdf = pdfWithPages([['Hello world']]);
    expect(await extractText(pdf.subarray(0, 60), 'application/pdf', pool)).toEqual({ error: expect.stringMatching(/damaged or truncated/) });
    expect(await extractText(pdfWithPages([['Secret']], { encrypt: true }), 'application/pdf', pool)).toEqual({ error: 'the PDF is password-protected' });
    expect(await extractText(strToU8('not a pdf at all'), 'application/pdf', pool)).toEqual({ error: expect.stringMatching(/damaged or truncated/) });
  });

  it('reads a DOCX, and converts it to HTML for the preview', async () => {
    const docx = docxWithParagraphs(['Curriculum vitae', 'Rust & TypeScript']);
    expect(await extractText(docx, DOCX, pool)).toEqual({ text: 'Curriculum vitae\n\nRust & TypeScript\n\n', truncated: false });
    await expect(docxToHtml(docx)).resolves.toEqual({ html: '<p>Curriculum vitae</p><p>Rust &amp; TypeScript</p>', warnings: [] });
  });

  it('refuses a DOCX that is not a safe Word document, with why', async () => {
    expect(await extractText(strToU8('PK junk'), DOCX, pool)).toEqual({ error: expect.stringMatching(/not a valid zip archive/) });
    await expect(docxToHtml(strToU8('PK junk'))).rejects.toThrow(/not a valid zip archive/);
  });

  it('indexes only the visible text of HTML', async () => {
    const html = `<html><head><title>T</title><style>.secret{}</style></head><body><h1>Jane &amp; Co</h1>
      <script>var hidden = 'scriptword'</script><template>templateword</template><noscript>noscriptword</noscript>
      <!-- commentword --><p title="attrword">Visible <b>text</b></p><div>Next&nbsp;line</div></body></html>`;
    expect(await extractText(strToU8(html), 'text/html; charset=utf-8', pool)).toEqual({ text: 'Jane & Co\nVisible text\nNext\u00a0line'.replace('\u00a0', ' '), truncated: false });
  });

  it('reads plain text as UTF-8 strictly, UTF-16 by its byte order mark', async () => {
    expect(await extractText(strToU8('Zoë, München'), 'text/plain', pool)).toEqual({ text: 'Zoë, München', truncated: false });
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...'Łódź'].map((c) => c.charCodeAt(0))).buffer)]);
    expect(await extractText(utf16, 'text/markdown', pool)).toEqual({ text: 'Łódź', truncated: false });
    expect(await extractText(new Uint8Array([0x61, 0xff, 0x62]), 'text/csv', pool)).toEqual({ error: expect.stringMatching(/not valid UTF-8/) });
  });

  it('skips types it does not read, with a reason', async () => {
    expect(await extractText(strToU8('{\\rtf1 Hello}'), 'application/rtf', pool)).toEqual({ error: 'no text is read from application/rtf' });
  });

  it(`caps the text at ${MAX_TEXT_CHARS} characters, at a word boundary`, async () => {
    const result = await extractText(strToU8('lorem ipsum '.repeat(30_000)), 'text/plain', pool);
    expect(result).toMatchObject({ truncated: true });
    const text = (result as { text: string }).text;
    expect(text.length).toBeLessThanOrEqual(MAX_TEXT_CHARS);
    expect(text.length).toBeGreaterThan(MAX_TEXT_CHARS - 20);
    expect(text.endsWith('lorem') || text.endsWith('ipsum')).toBe(true);
  });
});

describe('the extraction pool', () => {
  it('stops a task past its time, fails it alone, and keeps serving', async () => {
    const [looping, fine] = await Promise.all([
      pool.run({ kind: 'test-loop', bytes: new Uint8Array(), mediaType: '' }),
      pool.run({ kind: 'test-echo', bytes: strToU8('still here'), mediaType: '' }),
    ]);
    expect(looping).toEqual({ ok: false, error: 'extraction took longer than 1.5 s and was stopped' });
    expect(fine).toEqual({ ok: true, text: 'still here', truncated: false });
    expect(await pool.run({ kind: 'test-echo', bytes: strToU8('after'), mediaType: '' })).toEqual({ ok: true, text: 'after', truncated: false });
  });

  it('hands a worker tasks ahead: those waiting behind one that overruns are done by a fresh worker', async () => {
    const single = new ExtractorPool({ size: 1, timeoutMs: 1_500, testTasks: true });
    try {
      const results = await Promise.all([
        single.run({ kind: 'test-echo', bytes: strToU8('before'), mediaType: '' }),
        single.run({ kind: 'test-loop', bytes: new Uint8Array(), mediaType: '' }),
        single.run({ kind: 'test-echo', bytes: strToU8('behind'), mediaType: '' }),
        single.run({ kind: 'test-echo', bytes: strToU8('last'), mediaType: '' }),
      ]);
      expect(results).toEqual([
        { ok: true, text: 'before', truncated: false },
        { ok: false, error: 'extraction took longer than 1.5 s and was stopped' },
        { ok: true, text: 'behind', truncated: false },
        { ok: true, text: 'last', truncated: false },
      ]);
    } finally {
      await single.close();
    }
  });

  it('times each task from when its worker starts it, not from when it was handed over', async () => {
    // Three tasks of 0.6 s each handed to one worker at once: 1.8 s in all, each well inside its 1.5 s.
    const single = new ExtractorPool({ size: 1, timeoutMs: 1_500, testTasks: true });
    try {
      const busy = () => single.run({ kind: 'test-busy', bytes: strToU8('600'), mediaType: '' });
      expect(await Promise.all([busy(), busy(), busy()])).toEqual(Array(3).fill({ ok: true, text: 'done', truncated: false }));
    } finally {
      await single.close();
    }
  });

  it('fails a task whose worker crashes or runs out of memory, and replaces the worker', async () => {
    expect(await pool.run({ kind: 'test-crash', bytes: new Uint8Array(), mediaType: '' })).toEqual({
      ok: false,
      error: 'extraction stopped unexpectedly (exit code 3)',
    });
    expect(await pool.run({ kind: 'test-oom', bytes: new Uint8Array(), mediaType: '' })).toEqual({
      ok: false,
      error: expect.stringMatching(/more than 256 MB of memory|took longer than/),
    });
    expect(await pool.run({ kind: 'test-echo', bytes: strToU8('alive'), mediaType: '' })).toEqual({ ok: true, text: 'alive', truncated: false });
  });

  it('refuses test tasks in a pool not made for tests', async () => {
    const plain = new ExtractorPool({ size: 1 });
    expect(await plain.run({ kind: 'test-loop', bytes: new Uint8Array(), mediaType: '' })).toEqual({ ok: false, error: 'unknown task test-loop' });
    await plain.close();
    expect(await plain.run({ kind: 'text', bytes: new Uint8Array(), mediaType: 'text/plain' })).toEqual({ ok: false, error: expect.stringMatching(/stopped/) });
  });

  it('lets a process exit once its tasks are done, even with a worker that started too late to get one', async () => {
    // One worker finishes the quick tasks before the second is ready; neither may hold the process open.
    const script = `
      const { ExtractorPool } = await import(${JSON.stringify(new URL('./pool.ts', import.meta.url).href)});
      const pool = new ExtractorPool({ size: 2 });
      const results = await Promise.all(Array.from({ length: 6 }, (_, i) =>
        pool.run({ kind: 'text', bytes: new TextEncoder().encode('note ' + i), mediaType: 'text/plain' })));
      process.stdout.write(JSON.stringify(results.map((r) => r.ok)));`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const killer = setTimeout(() => child.kill('SIGKILL'), 45_000);
    const [code, signal] = (await once(child, 'exit')) as [number | null, string | null];
    clearTimeout(killer);
    expect(out).toBe(JSON.stringify([true, true, true, true, true, true]));
    expect({ code, signal }).toEqual({ code: 0, signal: null });
  }, 60_000);
});
