/**
 * HTML letters as candidates and ATS templates send them: one self-contained page with
 * inline styles only, nothing loaded from anywhere (no stylesheet, image, font or script).
 */
import type { Block } from './blocks.js';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export interface HtmlOptions {
  /** The page's language (`lang`); "en" by default. */
  lang?: string;
  /** The colour of headings and the rule, as CSS. */
  accent?: string;
}

const SMALL = 'margin:0 0 4px;font-size:13px;color:#6b7280';

function blockHtml(block: Block, accent: string): string {
  switch (block.kind) {
    case 'title':
      return `<h1 style="margin:0 0 4px;font-size:26px;color:#111827">${escapeHtml(block.text)}</h1>`;
    case 'subtitle':
      return `<p style="margin:0 0 8px;font-size:17px;color:#374151">${escapeHtml(block.text)}</p>`;
    case 'meta':
    case 'detail':
      return `<p style="${SMALL}">${escapeHtml(block.text)}</p>`;
    case 'rule':
      return `<hr style="border:0;border-top:2px solid ${accent};margin:20px 0">`;
    case 'heading':
      return `<h2 style="margin:24px 0 8px;font-size:15px;letter-spacing:0.06em;text-transform:uppercase;color:${accent}">${escapeHtml(block.text)}</h2>`;
    case 'entry': {
      const when = block.when === undefined ? '' : `<span style="float:right;font-weight:normal;color:#6b7280">${escapeHtml(block.when)}</span>`;
      return `<p style="margin:14px 0 2px;font-weight:bold">${when}${escapeHtml(block.text)}</p>`;
    }
    case 'paragraph':
      return `<p style="margin:0 0 14px">${escapeHtml(block.text)}</p>`;
    case 'bullet':
      return `<li style="margin:0 0 4px">${escapeHtml(block.text)}</li>`;
    case 'lines':
      return `<p style="margin:0 0 14px">${block.lines.map(escapeHtml).join('<br>')}</p>`;
    case 'fields': {
      const rows = block.rows
        .map(([label, value]) => `<tr><th scope="row" style="text-align:left;padding:6px 16px 6px 0;vertical-align:top;white-space:nowrap">${escapeHtml(label)}</th><td style="padding:6px 0">${escapeHtml(value)}</td></tr>`)
        .join('');
      return `<table style="border-collapse:collapse;margin:8px 0 18px;font-size:15px">${rows}</table>`;
    }
    case 'code':
      return `<pre style="margin:0 0 14px;padding:10px 12px;background:#f3f4f6;font-size:13px;white-space:pre-wrap">${escapeHtml(block.text)}</pre>`;
  }
}

/** A complete HTML page of the blocks (UTF-8). */
export function htmlDocument(title: string, blocks: readonly Block[], options: HtmlOptions = {}): Buffer {
  const accent = options.accent ?? '#1f4e79';
  let body = '';
  let inList = false;
  for (const block of blocks) {
    if (block.kind === 'bullet' && !inList) body += '<ul style="margin:4px 0 12px;padding-left:22px">';
    if (block.kind !== 'bullet' && inList) body += '</ul>';
    inList = block.kind === 'bullet';
    body += `${blockHtml(block, accent)}\n`;
  }
  if (inList) body += '</ul>\n';
  const page =
    '<!DOCTYPE html>\n' +
    `<html lang="${escapeHtml(options.lang ?? 'en')}">\n<head>\n<meta charset="utf-8">\n<title>${escapeHtml(title)}</title>\n</head>\n` +
    '<body style="margin:0;padding:32px 16px;background:#f3f4f6;font-family:Georgia,\'Times New Roman\',serif;font-size:16px;line-height:1.5;color:#1f2937">\n' +
    '<div style="max-width:680px;margin:0 auto;padding:48px 56px;background:#ffffff;border:1px solid #e5e7eb">\n' +
    body +
    '</div>\n</body>\n</html>\n';
  return Buffer.from(page, 'utf8');
}
