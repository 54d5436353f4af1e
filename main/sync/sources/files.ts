/**
 * Events from files, folders and stdin: one JSON event, a JSON array of events, or
 * NDJSON (one event per line). NDJSON is streamed line by line, so a 1 GB dump never
 * sits in memory, and a broken line is reported with its line number while the rest
 * imports. A JSON document (pretty-printed event or array) is read whole and must parse.
 */
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Readable } from 'node:stream';
import { parse as parseTolerant, type ParseError as JsonSyntaxError } from 'jsonc-parser';
import type { SourceItem } from '../types.js';

/** The whole input cannot be read as events; nothing of it was yielded. */
export class SourceReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SourceReadError';
  }
}

/** Larger single documents must come as NDJSON: JSON.parse needs the whole text. */
export const MAX_DOCUMENT_BYTES = 256 * 1024 * 1024;
const SNIFF_LINES = 5;
const NEWLINE = 0x0a;

/** Reads a file, or every file of a folder (sorted by name, recursively; hidden files skipped). */
export async function* readEventsFromPath(path: string): AsyncGenerator<SourceItem> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw new SourceReadError(`cannot read ${path}: ${describeFsError(error)}`);
  }
  if (!info.isDirectory()) {
    yield* readEventsFromStream(openFile(path), basename(path));
    return;
  }
  for (const file of await listFiles(path)) {
    const name = file.slice(path.length).replace(/^[\\/]+/, '');
    try {
      yield* readEventsFromStream(openFile(file), name);
    } catch (error) {
      // In a folder, one unreadable file is reported and the others still import.
      if (!(error instanceof SourceReadError)) throw error;
      yield { source: name, error: error.message.startsWith(`${name}:`) ? error.message.slice(name.length + 1).trim() : error.message };
    }
  }
}

function openFile(path: string): Readable {
  return createReadStream(path, { highWaterMark: 1024 * 1024 });
}

async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(full)));
    else if (entry.isFile()) files.push(full);
  }
  return files;
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  return (error as Error).message;
}

/**
 * Reads events from a byte stream named `name` (for error sources). Decides between
 * NDJSON and a JSON document from the first lines, then streams or parses accordingly.
 */
export async function* readEventsFromStream(stream: AsyncIterable<Buffer | string>, name: string): AsyncGenerator<SourceItem> {
  const iterator = stream[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let headBytes = 0;
  let done = false;
  // Gather enough to see the first few lines (or the whole input, if smaller).
  try {
    while (!done && (countLines(head) <= SNIFF_LINES || headBytes === 0) && headBytes < 4 * 1024 * 1024) {
      const next = await iterator.next();
      if (next.done) done = true;
      else {
        const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
        head.push(chunk);
        headBytes += chunk.length;
      }
    }
  } catch (error) {
    throw new SourceReadError(`cannot read ${name}: ${describeFsError(error)}`);
  }
  const start = Buffer.concat(head);
  const rest: AsyncIterable<Buffer> = {
    async *[Symbol.asyncIterator]() {
      yield start;
      if (done) return;
      try {
        for (;;) {
          const next = await iterator.next();
          if (next.done) return;
          yield typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
        }
      } catch (error) {
        throw new SourceReadError(`cannot read ${name}: ${describeFsError(error)}`);
      }
    },
  };
  if (isNdjson(start)) yield* readNdjson(rest, name);
  else yield* readDocument(rest, name);
}

function countLines(chunks: Buffer[]): number {
  let lines = 0;
  for (const chunk of chunks) for (let i = chunk.indexOf(NEWLINE); i !== -1; i = chunk.indexOf(NEWLINE, i + 1)) lines++;
  return lines;
}

/** NDJSON when one of the first non-empty lines is a JSON object on its own (and the input is not an array). */
function isNdjson(start: Buffer): boolean {
  const text = stripBom(start.toString('utf8'));
  if (text.trimStart().startsWith('[')) return false;
  const lines = text.split('\n');
  // The last piece may be cut mid-line unless it is all we have.
  let seen = 0;
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed === '') continue;
    if (seen++ >= SNIFF_LINES) break;
    if (trimmed.startsWith('{') && trimmed.endsWith('}')) {
      try {
        const value: unknown = JSON.parse(trimmed);
        if (typeof value === 'object' && value !== null) return true;
      } catch {
        // not a whole object on one line
      }
    }
  }
  return false;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

async function* readNdjson(chunks: AsyncIterable<Buffer>, name: string): AsyncGenerator<SourceItem> {
  let carry: Buffer | null = null;
  let lineNo = 0;
  for await (const chunk of chunks) {
    const buffer: Buffer = carry === null ? chunk : Buffer.concat([carry, chunk]);
    let lineStart = 0;
    for (let nl = buffer.indexOf(NEWLINE); nl !== -1; nl = buffer.indexOf(NEWLINE, lineStart)) {
      lineNo++;
      yield* ndjsonLine(buffer.toString('utf8', lineStart, nl), name, lineNo);
      lineStart = nl + 1;
    }
    carry = lineStart < buffer.length ? buffer.subarray(lineStart) : null;
  }
  if (carry !== null) {
    lineNo++;
    yield* ndjsonLine(carry.toString('utf8'), name, lineNo);
  }
}

function* ndjsonLine(raw: string, name: string, lineNo: number): Generator<SourceItem> {
  const line = (lineNo === 1 ? stripBom(raw) : raw).trim();
  if (line === '') return;
  const source = `${name}:${lineNo}`;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    const { message, column } = jsonError(error as Error, line);
    yield { source, error: `not valid JSON${column === null ? '' : ` at column ${column}`}: ${message}`, body: line };
    return;
  }
  if (Array.isArray(value)) for (const element of value) yield { source, value: element };
  else yield { source, value, body: line };
}

async function* readDocument(chunks: AsyncIterable<Buffer>, name: string): AsyncGenerator<SourceItem> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.length;
    if (size > MAX_DOCUMENT_BYTES) {
      throw new SourceReadError(
        `${name}: a single JSON document larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MiB; send it as NDJSON (one event per line)`,
      );
    }
    parts.push(chunk);
  }
  const text = stripBom(Buffer.concat(parts).toString('utf8'));
  if (text.trim() === '') return;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const { message, line, column } = jsonError(error as Error, text);
    const where = line === null ? '' : `:${line}:${column}`;
    throw new SourceReadError(`${name}${where}: not valid JSON: ${message}`);
  }
  if (!Array.isArray(value)) {
    yield { source: `${name}:${firstLine(text)}`, value };
    return;
  }
  const lines = elementLines(text);
  for (let i = 0; i < value.length; i++) yield { source: `${name}:${lines[i] ?? 1}`, value: value[i] };
}

function firstLine(text: string): number {
  const offset = text.search(/\S/);
  return offset <= 0 ? 1 : lineAt(text, offset).line;
}

function lineAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Where JSON.parse gave up, as line and column (from 1). Node does not always say the
 * position ("Unexpected token 'D'..."), so then a tolerant parser finds the first error.
 */
function jsonError(error: Error, text: string): { message: string; line: number | null; column: number | null } {
  const message = error.message.replace(/\s*\(line \d+ column \d+\)$/, '');
  const cleaned = message
    .replace(/ in JSON at position \d+$/, '')
    .replace(/, "(?:[^"\\]|\\.)*"(?:\.\.\.)? is not valid JSON$/, '')
    .replace(/^Unexpected end of JSON input$/, 'unexpected end of input');
  const match = /at position (\d+)/.exec(message);
  const offset = match !== null ? Number(match[1]) : firstSyntaxError(text);
  if (offset === null) return { message: cleaned, line: null, column: null };
  const { line, column } = lineAt(text, offset);
  return { message: cleaned, line, column };
}

function firstSyntaxError(text: string): number | null {
  const errors: JsonSyntaxError[] = [];
  parseTolerant(text, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false });
  return errors[0]?.offset ?? (text.trim() === '' ? null : text.length);
}

/** Start lines of a (valid) JSON array's top-level elements, for error sources. */
function elementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let expectValue = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) line++;
    if (inString) {
      if (ch === 92) i++;
      else if (ch === 34) inString = false;
      continue;
    }
    if (ch === 32 || ch === 9 || ch === 10 || ch === 13) continue;
    if (depth === 1 && expectValue && ch !== 93) {
      lines.push(line);
      expectValue = false;
    }
    if (ch === 34) inString = true;
    else if (ch === 91 || ch === 123) {
      depth++;
      if (depth === 1) expectValue = true;
    } else if (ch === 93 || ch === 125) depth--;
    else if (ch === 44 && depth === 1) expectValue = true;
  }
  return lines;
}
