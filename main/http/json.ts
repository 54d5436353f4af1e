/** JSON bodies parsed with an error that says where the text breaks. */
import { HttpError } from './respond.js';

/** JSON.parse, failing with a 400 that says where the text breaks. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    // V8 names the position for some errors only, so find it ourselves.
    const offset = jsonErrorOffset(text);
    const { line, column } = lineAndColumn(text, offset);
    const reason = (error as Error).message
      // V8 quotes the start of the text ("Ada Lovelace"...): never echo a body, it may be personal data.
      .replace(/, ".*"(?:\.\.\.)? is not valid JSON$/s, '')
      .replace(/ (in JSON )?at position \d+.*$/s, '');
    throw new HttpError(400, `the body is not valid JSON: ${reason} at line ${line} column ${column} (position ${offset})`);
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lastNewline = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: offset - lastNewline };
}

/** Where a JSON text breaks: thrown by the scanners below, caught by jsonErrorOffset. */
class JsonBreak {
  constructor(readonly offset: number) {}
}

const WHITESPACE = /[ \t\n\r]*/y;

function skipWhitespace(text: string, at: number): number {
  WHITESPACE.lastIndex = at;
  WHITESPACE.test(text);
  return WHITESPACE.lastIndex;
}

/**
 * Offset of the first character JSON.parse refuses (text.length when the text ends too
 * early). A scanner rather than a parser: nothing is built, and containers are tracked
 * on a stack, so any depth works.
 */
export function jsonErrorOffset(text: string): number {
  try {
    scanJson(text);
    return text.length;
  } catch (error) {
    if (error instanceof JsonBreak) return error.offset;
    throw error;
  }
}

function scanJson(text: string): void {
  const closers: string[] = [];
  let at = skipWhitespace(text, 0);
  let expect: 'value' | 'key' | 'next' = 'value';
  for (;;) {
    const ch = text[at];
    if (expect === 'key') {
      if (ch !== '"') throw new JsonBreak(at);
      at = skipWhitespace(text, scanString(text, at));
      if (text[at] !== ':') throw new JsonBreak(at);
      at = skipWhitespace(text, at + 1);
      expect = 'value';
    } else if (expect === 'value' && (ch === '{' || ch === '[')) {
      closers.push(ch === '{' ? '}' : ']');
      at = skipWhitespace(text, at + 1);
      if (text[at] === closers[closers.length - 1]) expect = 'next';
      else expect = ch === '{' ? 'key' : 'value';
    } else if (expect === 'value') {
      at = skipWhitespace(text, scanScalar(text, at));
      expect = 'next';
    } else {
      const closer = closers[closers.length - 1];
      if (closer === undefined) {
        if (at < text.length) throw new JsonBreak(at);
        return;
      }
      if (ch === closer) closers.pop();
      else if (ch === ',') expect = closer === '}' ? 'key' : 'value';
      else throw new JsonBreak(at);
      at = skipWhitespace(text, at + 1);
    }
  }
}

function scanScalar(text: string, at: number): number {
  const ch = text[at];
  if (ch === '"') return scanString(text, at);
  if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) return scanNumber(text, at);
  for (const word of ['true', 'false', 'null']) {
    if (ch !== word[0]) continue;
    for (let i = 1; i < word.length; i++) if (text[at + i] !== word[i]) throw new JsonBreak(at + i);
    return at + word.length;
  }
  throw new JsonBreak(at);
}

function scanString(text: string, at: number): number {
  for (let i = at + 1; ; i++) {
    const code = text.charCodeAt(i);
    if (Number.isNaN(code) || code < 0x20) throw new JsonBreak(i);
    if (code === 0x22) return i + 1;
    if (code !== 0x5c) continue;
    i++;
    if (text[i] === 'u') {
      for (let k = 1; k <= 4; k++) if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) throw new JsonBreak(i + k);
      i += 4;
    } else if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) throw new JsonBreak(i);
  }
}

function scanNumber(text: string, at: number): number {
  const isDigit = (i: number) => /[0-9]/.test(text[i] ?? '');
  const digits = (i: number) => {
    if (!isDigit(i)) throw new JsonBreak(i);
    while (isDigit(i)) i++;
    return i;
  };
  let i = text[at] === '-' ? at + 1 : at;
  i = text[i] === '0' ? i + 1 : digits(i);
  if (text[i] === '.') i = digits(i + 1);
  if (text[i] === 'e' || text[i] === 'E') i = digits(text[i + 1] === '+' || text[i + 1] === '-' ? i + 2 : i + 1);
  return i;
}

