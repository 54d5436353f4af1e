import { describe, expect, it } from 'vitest';
import { decodeContent, sniffMediaType } from './decode.js';

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

describe('sniffing media types from bytes', () => {
  it('knows the formats an ATS sends', () => {
    expect(sniffMediaType(Buffer.from('%PDF-1.4\n'))).toBe('application/pdf');
    expect(sniffMediaType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(sniffMediaType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffMediaType(Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.from('....word/document.xml')]))).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(sniffMediaType(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe('application/msword');
    expect(sniffMediaType(Buffer.from('{\\rtf1 resume'))).toBe('application/rtf');
  });

  it('tells text and HTML from binary, whatever the name claims', () => {
    expect(sniffMediaType(Buffer.from('Liebe Grüße, Zoë'))).toBe('text/plain');
    expect(sniffMediaType(Buffer.from('  <!DOCTYPE html><p>cv</p>'))).toBe('text/html');
    expect(sniffMediaType(Buffer.from([0x00, 0x01, 0x02, 0xff]))).toBe('application/octet-stream');
    expect(sniffMediaType(Buffer.from([0xc3, 0x28, 0x41]))).toBe('application/octet-stream');
  });

  it('reads long UTF-8 text cut mid-character at the sample edge as text', () => {
    const text = Buffer.from(`${'a'.repeat(4095)}é and more`);
    expect(sniffMediaType(text)).toBe('text/plain');
  });
});
