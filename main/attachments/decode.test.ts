import { describe, expect, it } from 'vitest';
import { decodeContent } from './decode.js';

const b64 = (bytes: Buffer | string) => Buffer.from(bytes).toString('base64');

describe('decoding attachment content', () => {
  it('decodes canonical base64 and hashes the bytes', () => {
    const decoded = decodeContent({ content: b64('Dear hiring team'), encoding: 'BASE64' });
    expect(decoded).toMatchObject({ ok: true, canonical: true, mediaType: 'text/plain' });
    if (decoded.ok) {
      expect(decoded.bytes.toString()).toBe('Dear hiring team');
      expect(decoded.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('accepts line-wrapped and URL-safe base64, marking them not canonical so the text is kept', () => {
    const bytes = Buffer.from([0xfb, 0xff, 0xbf, 0x00, 0x10, 0x20, 0x30]);
    const wrapped = decodeContent({ content: `${b64(bytes).slice(0, 4)}\r\n${b64(bytes).slice(4)}`, encoding: 'BASE64' });
    expect(wrapped).toMatchObject({ ok: true, canonical: false });
    const urlSafe = decodeContent({ content: bytes.toString('base64url'), encoding: null });
    expect(urlSafe.ok && urlSafe.bytes.equals(bytes)).toBe(true);
    expect(urlSafe).toMatchObject({ canonical: false });
  });

  it('refuses text that is not base64, saying where', () => {
    expect(decodeContent({ content: 'SGVsbG8*IHdvcmxk', encoding: 'BASE64' })).toEqual({
      ok: false,
      error: 'attachment content is not valid base64 ("*" at character 8)',
    });
    expect(decodeContent({ content: 'SGVsbG8gd29ybGQ=x', encoding: 'BASE64' })).toMatchObject({ ok: false });
    expect(decodeContent({ content: 'SGVsb', encoding: 'BASE64' })).toEqual({ ok: false, error: 'attachment content is not valid base64 (truncated: 5 characters)' });
  });

  it('refuses encodings it does not know', () => {
    expect(decodeContent({ content: 'abcd', encoding: 'GZIP' })).toEqual({ ok: false, error: 'unsupported encoding "GZIP" (expected BASE64)' });
  });
});
