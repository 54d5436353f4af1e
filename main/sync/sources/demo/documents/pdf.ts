/**
 * A small PDF 1.4 writer for text documents: A4 pages, the standard Helvetica and Courier
 * fonts in WinAnsi (so no font is embedded), lines wrapped to the margins by the fonts'
 * real glyph widths, one deflated content stream per page and a byte-exact xref table.
 * Hand-written because the demo writes one per application: a PDF library is far slower.
 */
import { deflateSync } from 'node:zlib';
import type { Block } from './blocks.js';

export type Rgb = readonly [number, number, number];

export interface PdfText {
  text: string;
  /** Points; 10 by default. */
  size?: number;
  bold?: boolean;
  /** Courier instead of Helvetica. */
  mono?: boolean;
  /** Points down from the previous line's baseline; 1.45 x size by default, ignored at the top of a page. */
  gap?: number;
  /** Points right of the left margin. */
  indent?: number;
  /** Extra indent of the lines a long text wraps onto (a bullet's text under its text, not under the bullet). */
  hang?: number;
  /** Text set flush right on the same baseline (a position's dates). */
  right?: string;
  color?: Rgb;
  /** Starts a new page rather than being the last line of one (a heading). */
  keepWithNext?: boolean;
}

export interface PdfRule {
  rule: true;
  gap?: number;
}

export type PdfLine = string | PdfText | PdfRule;

export interface PdfInfo {
  title?: string;
  author?: string;
  /** The application that made the file, e.g. "Microsoft Word". */
  creator?: string;
  /** Milliseconds since the epoch; the file's CreationDate. */
  createdAt?: number;
  /** Printed before "Page n of N" at the foot of every page of a document of more than one page. */
  footer?: string;
  /** Deflate the content streams (default true); false keeps the whole file readable ASCII. */
  compress?: boolean;
}

const PAGE_WIDTH = 595;
const PAGE_HEIGHT = 842;
const MARGIN = 56;
const TOP = 790;
const BOTTOM = 64;
const TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const GREY: Rgb = [0.42, 0.45, 0.5];

// Glyph widths (1/1000 em) of the standard fonts, from their Adobe AFM metrics, for WinAnsi codes 32-126 and 160-255.
const HELVETICA_ASCII = [278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584];
const HELVETICA_LATIN1 = [278, 333, 556, 556, 556, 556, 260, 556, 333, 737, 370, 556, 584, 333, 737, 333, 400, 584, 333, 333, 333, 556, 537, 278, 333, 333, 365, 556, 834, 834, 834, 611, 667, 667, 667, 667, 667, 667, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278, 722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611, 556, 556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278, 556, 556, 556, 556, 556, 556, 556, 584, 611, 556, 556, 556, 556, 500, 556, 500];
const BOLD_ASCII = [278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584];
const BOLD_LATIN1 = [278, 333, 556, 556, 556, 556, 280, 556, 333, 737, 370, 556, 584, 333, 737, 333, 400, 584, 333, 333, 333, 611, 556, 278, 333, 333, 365, 556, 834, 834, 834, 611, 722, 722, 722, 722, 722, 722, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278, 722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611, 556, 556, 556, 556, 556, 556, 889, 556, 556, 556, 556, 556, 278, 278, 278, 278, 611, 611, 611, 611, 611, 611, 611, 584, 611, 611, 611, 611, 611, 556, 611, 556];

/** The WinAnsi codes 128-159 we write: Unicode -> [code, Helvetica width, Helvetica-Bold width]. */
const WIN_ANSI_EXTRAS: ReadonlyArray<readonly [string, number, number, number]> = [
  ['\u20ac', 0x80, 556, 556], ['\u2026', 0x85, 1000, 1000], ['\u2018', 0x91, 222, 278], ['\u2019', 0x92, 222, 278],
  ['\u201c', 0x93, 333, 500], ['\u201d', 0x94, 333, 500], ['\u2022', 0x95, 350, 350], ['\u2013', 0x96, 556, 556],
  ['\u2014', 0x97, 1000, 1000], ['\u2122', 0x99, 1000, 1000], ['\u0160', 0x8a, 667, 667], ['\u0161', 0x9a, 500, 556],
  ['\u0152', 0x8c, 1000, 1000], ['\u0153', 0x9c, 944, 944], ['\u017d', 0x8e, 611, 611], ['\u017e', 0x9e, 500, 500],
  ['\u0178', 0x9f, 667, 667],
];
const TO_WIN_ANSI = new Map(WIN_ANSI_EXTRAS.map(([ch, code]) => [ch.charCodeAt(0), code]));

function widthTable(ascii: readonly number[], latin1: readonly number[], extra: 2 | 3): Uint16Array {
  const table = new Uint16Array(256);
  ascii.forEach((w, i) => (table[32 + i] = w));
  latin1.forEach((w, i) => (table[160 + i] = w));
  for (const entry of WIN_ANSI_EXTRAS) table[entry[1]] = entry[extra];
  return table;
}
const REGULAR = widthTable(HELVETICA_ASCII, HELVETICA_LATIN1, 2);
const BOLD = widthTable(BOLD_ASCII, BOLD_LATIN1, 3);
const MONO = new Uint16Array(256).fill(600);

/** Letters WinAnsi lacks, by what a person would write instead. */
const FOLD: Readonly<Record<string, string>> = { ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ı: 'i', ħ: 'h', ŋ: 'ng', '\u00a0': ' ', '\t': ' ', '\n': ' ', '\r': ' ' };
const WIN_ANSI_AS_IS = /^[\x20-\x7e\xa1-\xff]*$/;

/**
 * Text in WinAnsi, as a string of one char per byte: Latin-1 and the typographic extras
 * as they are, other Latin letters without their diacritics (ł -> l, ă -> a), anything
 * else (another script) as `?`.
 */
export function winAnsi(text: string): string {
  if (WIN_ANSI_AS_IS.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if ((unit >= 0x20 && unit < 0x7f) || (unit >= 0xa1 && unit <= 0xff)) {
      out += text[i];
      continue;
    }
    const extra = TO_WIN_ANSI.get(unit);
    if (extra !== undefined) {
      out += String.fromCharCode(extra);
      continue;
    }
    const point = text.codePointAt(i) as number;
    if (point > 0xffff) i++;
    const ch = String.fromCodePoint(point);
    const folded = FOLD[ch] ?? ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    out += folded.length > 0 && /^[\x20-\x7e]+$/.test(folded) ? folded : '?';
  }
  return out;
}

function measure(text: string, from: number, to: number, widths: Uint16Array, size: number): number {
  let total = 0;
  for (let i = from; i < to; i++) total += widths[text.charCodeAt(i)] as number;
  return (total * size) / 1000;
}

/** Breaks WinAnsi text at spaces so every line fits `width` (`next` for the lines after the first); a word too long for a line is cut. */
function wrap(text: string, widths: Uint16Array, size: number, first: number, next: number): string[] {
  const lines: string[] = [];
  let start = 0;
  // Widths are summed in font units (1/1000 em), so the limits are too.
  let max = (first * 1000) / size;
  while (start < text.length) {
    let end = start;
    let width = 0;
    let lastSpace = -1;
    while (end < text.length) {
      const w = widths[text.charCodeAt(end)] as number;
      if (width + w > max && end > start) break;
      if (text.charCodeAt(end) === 0x20) lastSpace = end;
      width += w;
      end++;
    }
    if (end < text.length && lastSpace > start) end = lastSpace;
    lines.push(start === 0 && end === text.length ? text : text.slice(start, end));
    start = end;
    while (text.charCodeAt(start) === 0x20) start++;
    max = (next * 1000) / size;
  }
  return lines.length === 0 ? [''] : lines;
}

const ASCII_LITERAL = /^[\x20-\x7e]*$/;
const LITERAL_SPECIALS = /[()\\]/g;

/** A PDF literal string of WinAnsi text; bytes outside printable ASCII as octal escapes, so the stream stays ASCII. */
function literal(text: string): string {
  if (ASCII_LITERAL.test(text)) return `(${text.replace(LITERAL_SPECIALS, '\\$&')})`;
  let out = '(';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x28 || code === 0x29 || code === 0x5c) out += `\\${text[i]}`;
    else if (code >= 0x20 && code < 0x7f) out += text[i];
    else out += `\\${code.toString(8)}`;
  }
  return `${out})`;
}

/** A string for the document information dictionary: literal when ASCII, else UTF-16BE (any script) in hex. */
function infoString(text: string): string {
  if (ASCII_LITERAL.test(text)) return literal(text);
  let hex = '<FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `${hex}>`;
}

function pdfDate(ms: number): string {
  return `D:${new Date(ms).toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
}

const number = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0+$/, ''));

const COLOR_OPS = new WeakMap<Rgb, string>();

/** One page being filled: its text operators and rules, and where the next baseline goes. */
class PageWriter {
  text = '';
  graphics = '';
  y = TOP;
  empty = true;
  private font = '';
  private color = '';

  setFont(name: string, size: number): void {
    const font = `/${name} ${number(size)} Tf`;
    if (font !== this.font) this.text += `${font}\n`;
    this.font = font;
  }

  setColor(color: Rgb): void {
    let op = COLOR_OPS.get(color);
    if (op === undefined) COLOR_OPS.set(color, (op = `${color.map(number).join(' ')} rg`));
    if (op !== this.color) this.text += `${op}\n`;
    this.color = op;
  }

  show(x: number, y: number, text: string): void {
    this.text += `1 0 0 1 ${number(x)} ${number(y)} Tm ${literal(text)} Tj\n`;
    this.empty = false;
  }

  rule(y: number): void {
    this.graphics += `0.6 w 0.55 G ${MARGIN} ${number(y)} m ${PAGE_WIDTH - MARGIN} ${number(y)} l S\n`;
    this.empty = false;
  }

  content(): string {
    return `${this.graphics}BT\n${this.text}ET\n`;
  }
}


/** A line with every property present, in one order: one hidden class, so the layout loop stays monomorphic. */
interface Line {
  text: string;
  size: number;
  font: 'F1' | 'F2' | 'F3';
  gap: number | undefined;
  indent: number;
  hang: number;
  right: string | undefined;
  color: Rgb;
  keepWithNext: boolean;
}

const BLACK: Rgb = [0, 0, 0];
const WIDTHS = { F1: REGULAR, F2: BOLD, F3: MONO } as const;

function textLine(line: PdfText): Line {
  return {
    text: line.text,
    size: line.size ?? 10,
    font: line.mono === true ? 'F3' : line.bold === true ? 'F2' : 'F1',
    gap: line.gap,
    indent: line.indent ?? 0,
    hang: line.hang ?? 0,
    right: line.right,
    color: line.color ?? BLACK,
    keepWithNext: line.keepWithNext === true,
  };
}

/** Lays the lines out, wrapping and breaking pages where they overflow. */
function layout(pages: readonly (readonly (Line | PdfRule)[])[]): PageWriter[] {
  const out: PageWriter[] = [];
  let page = new PageWriter();
  const advance = (gap: number, keep: number): void => {
    if (page.empty) return;
    if (page.y - gap - keep < BOTTOM) {
      out.push(page);
      page = new PageWriter();
    } else page.y -= gap;
  };
  for (let p = 0; p < pages.length; p++) {
    if (p > 0) {
      out.push(page);
      page = new PageWriter();
    }
    for (const line of pages[p] as readonly (Line | PdfRule)[]) {
      if ('rule' in line) {
        advance(line.gap ?? 8, 0);
        page.rule(page.y);
        page.y -= 6;
        continue;
      }
      const { size, font, indent, hang, color } = line;
      const leading = Math.round(size * 1.45);
      const widths = WIDTHS[font];
      const right = line.right === undefined ? null : winAnsi(line.right);
      const rightSize = Math.max(8, size - 1);
      const rightWidth = right === null ? 0 : measure(right, 0, right.length, REGULAR, rightSize) + 12;
      const available = TEXT_WIDTH - indent;
      const wrapped = wrap(winAnsi(line.text), widths, size, available - rightWidth, available - hang);
      for (let i = 0; i < wrapped.length; i++) {
        advance(i === 0 ? (line.gap ?? leading) : leading, i === 0 && line.keepWithNext ? 3 * 14 : 0);
        page.setFont(font, size);
        page.setColor(color);
        page.show(MARGIN + indent + (i === 0 ? 0 : hang), page.y, wrapped[i] as string);
        if (i === 0 && right !== null) {
          page.setFont('F1', rightSize);
          page.setColor(GREY);
          page.show(PAGE_WIDTH - MARGIN - rightWidth + 12, page.y, right);
        }
      }
    }
  }
  out.push(page);
  return out;
}

/**
 * A PDF of A4 pages: each entry of `pages` starts a new page, and lines that do not fit
 * continue on the next. Same input, same bytes (no clock, no random ids).
 */
export function pdfDocument(pages: readonly (readonly PdfLine[])[], info: PdfInfo = {}): Buffer {
  const lines = pages.map((page) => page.map((line) => (typeof line === 'string' ? textLine({ text: line }) : 'rule' in line ? line : textLine(line))));
  const laidOut = layout(lines.length === 0 ? [[]] : lines);
  const total = laidOut.length;
  if (total > 1) {
    laidOut.forEach((page, i) => {
      const label = winAnsi(`${info.footer === undefined ? '' : `${info.footer}  \u2013  `}Page ${i + 1} of ${total}`);
      page.setFont('F1', 8);
      page.setColor(GREY);
      page.show(MARGIN, 34, label);
    });
  }
  const compress = info.compress !== false;
  // Text accumulates as a latin1 string (one char per byte) and becomes bytes only beside a binary stream.
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let pending = '';
  let flushed = 0;
  const length = (): number => flushed + pending.length;
  const push = (chunk: string): void => {
    pending += chunk;
  };
  const pushBytes = (bytes: Buffer): void => {
    parts.push(Buffer.from(pending, 'latin1'), bytes);
    flushed += pending.length + bytes.length;
    pending = '';
  };
  const object = (body: string): void => {
    offsets.push(length());
    push(`${offsets.length} 0 obj\n${body}\nendobj\n`);
  };
  push('%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n');
  const firstPage = 6;
  const kids = laidOut.map((_, i) => `${firstPage + 2 * i} 0 R`).join(' ');
  object('<< /Type /Catalog /Pages 2 0 R >>');
  object(`<< /Type /Pages /Kids [${kids}] /Count ${total} >>`);
  object('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  object('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');
  object('<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>');
  laidOut.forEach((page, i) => {
    object(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] ` +
        `/Resources << /Font << /F1 3 0 R /F2 4 0 R /F3 5 0 R >> >> /Contents ${firstPage + 2 * i + 1} 0 R >>`,
    );
    const content = Buffer.from(page.content(), 'latin1');
    const stream = compress ? deflateSync(content) : content;
    offsets.push(length());
    push(`${offsets.length} 0 obj\n<< /Length ${stream.length}${compress ? ' /Filter /FlateDecode' : ''} >>\nstream\n`);
    pushBytes(stream);
    push('\nendstream\nendobj\n');
  });
  const fields = [
    info.title === undefined ? '' : `/Title ${infoString(info.title)} `,
    info.author === undefined ? '' : `/Author ${infoString(info.author)} `,
    info.creator === undefined ? '' : `/Creator ${infoString(info.creator)} `,
    info.createdAt === undefined ? '' : `/CreationDate (${pdfDate(info.createdAt)}) `,
  ].join('');
  object(`<< ${fields}/Producer (Candidate Viewer demo) >>`);
  const xref = length();
  let tail = `xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) tail += `${String(offset).padStart(10, '0')} 00000 n \n`;
  tail += `trailer\n<< /Size ${offsets.length + 1} /Root 1 0 R /Info ${offsets.length} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  push(tail);
  parts.push(Buffer.from(pending, 'latin1'));
  return Buffer.concat(parts);
}

const ACCENT: Rgb = [0.11, 0.25, 0.45];

/** A document's blocks as PDF lines, set the way a word processor's default template would. */
export function pdfLines(blocks: readonly Block[]): PdfLine[] {
  const lines: PdfLine[] = [];
  let previous: Block['kind'] | null = null;
  for (const block of blocks) {
    switch (block.kind) {
      case 'title':
        lines.push({ text: block.text, size: 18, bold: true, gap: 0 });
        break;
      case 'subtitle':
        lines.push({ text: block.text, size: 12, gap: 19 });
        break;
      case 'meta':
        lines.push({ text: block.text, size: 9, gap: previous === 'meta' ? 12 : 15, color: GREY });
        break;
      case 'rule':
        lines.push({ rule: true });
        break;
      case 'heading':
        lines.push({ text: block.text.toUpperCase(), size: 11, bold: true, gap: previous === 'rule' ? 16 : 24, color: ACCENT, keepWithNext: true });
        break;
      case 'entry':
        lines.push({ text: block.text, bold: true, gap: previous === 'heading' ? 17 : 20, keepWithNext: true, ...(block.when === undefined ? {} : { right: block.when }) });
        break;
      case 'detail':
        lines.push({ text: block.text, size: 9, gap: 13, color: GREY });
        break;
      case 'paragraph':
        lines.push({ text: block.text, gap: previous === 'heading' || previous === 'entry' || previous === 'detail' ? 15 : previous === 'paragraph' || previous === 'lines' ? 20 : 22 });
        break;
      case 'bullet':
        lines.push({ text: `\u2022  ${block.text}`, indent: 8, hang: 10, gap: previous === 'bullet' ? 14 : 16 });
        break;
      case 'lines':
        block.lines.forEach((text, i) => lines.push({ text, gap: i === 0 ? 22 : 14 }));
        break;
      case 'fields':
        block.rows.forEach(([label, value], i) => {
          lines.push({ text: label, bold: true, gap: i === 0 ? 20 : 16 });
          lines.push({ text: value, gap: 0, indent: 150 });
        });
        break;
      case 'code':
        block.text.split('\n').forEach((text, i) => lines.push({ text, mono: true, size: 9, indent: 10, gap: i === 0 ? 18 : 12 }));
        break;
    }
    previous = block.kind;
  }
  return lines;
}
