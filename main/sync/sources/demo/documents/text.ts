/** Plain text, Markdown and CSV files (UTF-8). */
import { stringify } from 'csv-stringify/sync';
import type { Block } from './blocks.js';

/** Blocks that stand apart from what comes before them. */
const SPACED = new Set<Block['kind']>(['heading', 'paragraph', 'lines', 'fields', 'code']);

function joinLines(groups: readonly { spaced: boolean; lines: readonly string[] }[]): string {
  let out = '';
  groups.forEach(({ spaced, lines }, i) => {
    if (i > 0 && spaced) out += '\n';
    out += lines.map((line) => `${line}\n`).join('');
  });
  return out;
}

/**
 * The blocks as a plain-text file, one paragraph per line. Bullets are "•" rather than
 * "-" or "*", so a text of several bullets does not read as Markdown.
 */
export function plainText(blocks: readonly Block[]): Buffer {
  const groups = blocks.map((block) => {
    let lines: readonly string[];
    switch (block.kind) {
      case 'title':
      case 'subtitle':
      case 'meta':
      case 'detail':
      case 'paragraph':
        lines = [block.text];
        break;
      case 'rule':
        lines = [''];
        break;
      case 'heading':
        lines = [block.text.toUpperCase()];
        break;
      case 'entry':
        lines = [block.when === undefined ? block.text : `${block.text} (${block.when})`];
        break;
      case 'bullet':
        lines = [`\u2022 ${block.text}`];
        break;
      case 'lines':
        lines = block.lines;
        break;
      case 'fields':
        lines = block.rows.map(([label, value]) => `${label}: ${value}`);
        break;
      case 'code':
        lines = block.text.split('\n').map((line) => `    ${line}`);
        break;
    }
    return { spaced: SPACED.has(block.kind), lines };
  });
  return Buffer.from(joinLines(groups), 'utf8');
}

/** Markdown's special characters in running text, escaped. */
function md(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

/** The blocks as a Markdown file. */
export function markdown(blocks: readonly Block[]): Buffer {
  const groups = blocks.map((block, i) => {
    const before = i === 0 ? null : (blocks[i - 1] as Block).kind;
    const tight = (block.kind === 'bullet' && before === 'bullet') || (block.kind === 'meta' && (before === 'meta' || before === 'subtitle' || before === 'title'));
    let lines: readonly string[];
    switch (block.kind) {
      case 'title':
        lines = [`# ${md(block.text)}`];
        break;
      case 'subtitle':
        lines = [`*${md(block.text)}*`];
        break;
      case 'meta':
      case 'detail':
      case 'paragraph':
        lines = [md(block.text)];
        break;
      case 'rule':
        lines = ['---'];
        break;
      case 'heading':
        lines = [`## ${md(block.text)}`];
        break;
      case 'entry':
        lines = [`**${md(block.text)}**${block.when === undefined ? '' : ` (${md(block.when)})`}`];
        break;
      case 'bullet':
        lines = [`- ${md(block.text)}`];
        break;
      case 'lines':
        lines = block.lines.map((line, j) => (j < block.lines.length - 1 ? `${md(line)}  ` : md(line)));
        break;
      case 'fields':
        lines = ['| | |', '|---|---|', ...block.rows.map(([label, value]) => `| **${md(label)}** | ${md(value)} |`)];
        break;
      case 'code':
        lines = ['```', ...block.text.split('\n'), '```'];
        break;
    }
    return { spaced: !tight, lines };
  });
  return Buffer.from(joinLines(groups), 'utf8');
}

/** An RFC 4180 CSV (CRLF, fields quoted where they must be) of the rows, the first being the header. */
export function csvDocument(rows: readonly (readonly string[])[]): Buffer {
  return Buffer.from(stringify(rows.map((row) => [...row]), { record_delimiter: 'windows' }), 'utf8');
}
