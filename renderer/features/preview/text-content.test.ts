import { describe, expect, it } from 'vitest';
import { charsetOf, decodeText } from './text-content';

const utf16 = (text: string, order: 'le' | 'be') => {
  const bytes = [order === 'le' ? 0xff : 0xfe, order === 'le' ? 0xfe : 0xff];
  for (const unit of text.split('').map((ch) => ch.charCodeAt(0))) bytes.push(...(order === 'le' ? [unit & 0xff, unit >> 8] : [unit >> 8, unit & 0xff]));
  return new Uint8Array(bytes);
};

describe('text attachments as text', () => {
  it('decodes UTF-8 without its BOM, and UTF-16 in the order main sniffed', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0xc3, 0xa9]), 'text/plain').text).toBe('hé');
    expect(decodeText(utf16('Zoë', 'le'), 'text/plain; charset=utf-16le').text).toBe('Zoë');
    expect(decodeText(utf16('Zoë', 'be'), 'text/csv; charset=utf-16be').text).toBe('Zoë');
    expect(charsetOf('text/plain; charset=ISO-8859-1')).toBe('utf-8');
  });

  it('shows at most the cap, never cutting a character in half', () => {
    const bytes = new TextEncoder().encode('aé€');
    const cut = decodeText(bytes, 'text/plain', 4);
    expect(cut).toEqual({ text: 'aé', shownBytes: 4, truncated: true });
    expect(decodeText(bytes, 'text/plain', 100).truncated).toBe(false);
    const wide = decodeText(utf16('abc', 'le'), 'text/plain; charset=utf-16le', 5);
    expect(wide).toMatchObject({ text: 'a', shownBytes: 4, truncated: true });
  });
});
