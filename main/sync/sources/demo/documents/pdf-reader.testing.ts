/** Reads PDFs back with pdf.js (the legacy build, as in Node), for tests of what the writers produce. */

export interface ReadPdf {
  pages: string[];
  info: Record<string, unknown>;
  /** Each text item's x position and width in points, per page: to check that lines stay inside the margins. */
  items: { str: string; x: number; width: number }[][];
}

export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: pdfjs.VerbosityLevel.ERRORS });
  const document = await task.promise;
  try {
    const pages: string[] = [];
    const items: ReadPdf['items'] = [];
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const content = await page.getTextContent();
      let text = '';
      const positioned: ReadPdf['items'][number] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str + (item.hasEOL ? '\n' : '');
        if (item.str !== '') positioned.push({ str: item.str, x: item.transform[4] as number, width: item.width });
      }
      pages.push(text);
      items.push(positioned);
    }
    const { info } = await document.getMetadata();
    return { pages, info: info as Record<string, unknown>, items };
  } finally {
    await task.destroy();
  }
}

/** The offsets in a PDF's xref table, checked against the objects they point at; throws on the first mismatch. */
export function checkXref(bytes: Buffer): { objects: number } {
  const text = bytes.toString('latin1');
  const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1]);
  if (text.slice(startxref, startxref + 5) !== 'xref\n') throw new Error(`startxref ${startxref} does not point at the xref table`);
  const header = /^xref\n0 (\d+)\n/.exec(text.slice(startxref));
  if (header === null) throw new Error('the xref table has no 0 N subsection');
  const size = Number(header[1]);
  const table = text.slice(startxref + header[0].length).split('\n').slice(0, size);
  if (table[0] !== '0000000000 65535 f ') throw new Error(`the first xref entry is ${JSON.stringify(table[0])}`);
  for (let object = 1; object < size; object++) {
    const entry = /^(\d{10}) 00000 n $/.exec(table[object] ?? '');
    if (entry === null) throw new Error(`xref entry ${object} is ${JSON.stringify(table[object])}`);
    if (!text.startsWith(`${object} 0 obj\n`, Number(entry[1]))) throw new Error(`xref entry ${object} points at ${JSON.stringify(text.slice(Number(entry[1]), Number(entry[1]) + 12))}`);
  }
  if (!new RegExp(`trailer\\n<< /Size ${size} /Root 1 0 R`).test(text)) throw new Error('the trailer does not give the xref size and the catalog');
  // Every stream's /Length ends exactly where "endstream" starts.
  for (const match of text.matchAll(/<< \/Length (\d+)[^>]*>>\nstream\n/g)) {
    const end = (match.index as number) + match[0].length + Number(match[1]);
    if (!text.startsWith('\nendstream', end)) throw new Error(`a stream's /Length ${match[1]} does not end at endstream`);
  }
  return { objects: size - 1 };
}
