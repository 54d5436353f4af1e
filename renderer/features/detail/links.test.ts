import { describe, expect, it } from 'vitest';
import { mailtoHref, safeExternalUrl, telHref } from './links';

describe('candidate links', () => {
  it('keeps http(s) links', () => {
    expect(safeExternalUrl('https://github.com/zoe')).toBe('https://github.com/zoe');
    expect(safeExternalUrl('HTTP://Example.com/a b')).toBe('http://example.com/a%20b');
  });

  it('treats scheme-less addresses as https', () => {
    expect(safeExternalUrl('www.linkedin.com/in/x')).toBe('https://www.linkedin.com/in/x');
    expect(safeExternalUrl('linkedin.com/in/x')).toBe('https://linkedin.com/in/x');
    expect(safeExternalUrl('//github.com/x')).toBe('https://github.com/x');
    expect(safeExternalUrl('portfolio.example:8080/work')).toBe('https://portfolio.example:8080/work');
  });

  it('never links javascript:, data:, file: or other schemes, however they are spelled', () => {
    for (const raw of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      '\u0000javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'vbscript:msgbox',
      'mailto:a@b.example',
      'ftp://files.example/x',
    ]) {
      expect(safeExternalUrl(raw), raw).toBeNull();
    }
  });

  it('shows words and credentials-bearing addresses as text', () => {
    expect(safeExternalUrl('my portfolio')).toBeNull();
    expect(safeExternalUrl('')).toBeNull();
    expect(safeExternalUrl(null)).toBeNull();
    expect(safeExternalUrl('https://user:pass@evil.example')).toBeNull();
  });

  it('makes mailto: and tel: only from plausible addresses and numbers', () => {
    expect(mailtoHref('anna@example.com')).toBe('mailto:anna@example.com');
    expect(mailtoHref('"><img src=x onerror=alert(1)>')).toBeNull();
    expect(mailtoHref('a@b.example?subject=hi')).toBe('mailto:a@b.example%3Fsubject%3Dhi');
    expect(telHref('+48 601 234-567')).toBe('tel:+48601234567');
    expect(telHref('call me')).toBeNull();
    expect(telHref('(030) 1234 5678 #12')).toBe('tel:0301234567812');
    expect(telHref('12')).toBeNull();
  });
});
