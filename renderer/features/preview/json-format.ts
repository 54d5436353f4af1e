/**
 * JSON laid out two spaces deep for reading. jsonc-parser re-indents the text as written, so
 * numbers too long for a double (ids like 12345678901234567890) and key order stay exactly
 * as received, which JSON.parse + stringify would not keep. Loaded only with a JSON preview.
 */
import { applyEdits, format, parse, printParseErrorCode, type ParseError } from 'jsonc-parser';

export interface FormattedJson {
  text: string;
  /** Why the text is shown as written, when it does not parse. */
  error: string | null;
}

/** The line and column (from 1) of an offset. */
function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

export function formatJson(text: string): FormattedJson {
  const errors: ParseError[] = [];
  parse(text, errors, { allowTrailingComma: false, disallowComments: true });
  const first = errors[0];
  if (first !== undefined) {
    const { line, column } = position(text, first.offset);
    return { text, error: `${printParseErrorCode(first.error)} at line ${line}, column ${column}` };
  }
  const edits = format(text, undefined, { tabSize: 2, insertSpaces: true, eol: '\n' });
  return { text: applyEdits(text, edits), error: null };
}
