import { describe, expect, it } from 'vitest';
import { isCancellation, pdfErrorMessage } from './pdf-errors';
import { pdfLinkHref, pdfLinkRect } from './pdf-links';

describe('links inside a PDF', () => {
  it('keeps web addresses only', () => {
    expect(pdfLinkHref({ subtype: 'Link', url: 'https://github.com/zoe' })).toBe('https://github.com/zoe');
    expect(pdfLinkHref({ subtype: 'Link', url: 'HTTP://Example.com/a' })).toBe('http://example.com/a');
  });

  it('drops every other scheme, scheme-less text, and annotations that are not links', () => {
    for (const url of ['javascript:window.__pwned=1', 'file:///etc/passwd', 'mailto:x@example.com', 'data:text/html,<script>', 'www.example.com', ' java\tscript:alert(1)']) {
      expect(pdfLinkHref({ subtype: 'Link', url })).toBeNull();
    }
    expect(pdfLinkHref({ subtype: 'Widget', url: 'https://example.com' })).toBeNull();
    expect(pdfLinkHref({ subtype: 'Link' })).toBeNull();
    expect(pdfLinkHref({ subtype: 'Link', url: 'https://user:pw@example.com' })).toBeNull();
  });

  it('takes a rectangle of four finite numbers only', () => {
    expect(pdfLinkRect({ rect: [10, 20, 110, 40] })).toEqual([10, 20, 110, 40]);
    expect(pdfLinkRect({ rect: [10, 20, 110] })).toBeNull();
    expect(pdfLinkRect({ rect: [10, 20, Number.POSITIVE_INFINITY, 40] })).toBeNull();
    expect(pdfLinkRect({ rect: 'nope' })).toBeNull();
  });
});

describe('why a PDF did not open', () => {
  const named = (name: string, message: string) => Object.assign(new Error(message), { name });

  it('names a password, a damaged or cut-short file, or passes the reason on', () => {
    expect(pdfErrorMessage(named('PasswordException', 'No password given'))).toMatch(/protected by a password/);
    expect(pdfErrorMessage(named('InvalidPDFException', 'Invalid PDF structure.'))).toMatch(/damaged or incomplete.*\(Invalid PDF structure\.\)/);
    expect(pdfErrorMessage(new Error('Bad FCHECK in flate stream'))).toBe('This PDF could not be opened: Bad FCHECK in flate stream. Save it to try another reader.');
  });

  it('does not count a cancelled drawing as a failure', () => {
    expect(isCancellation(named('RenderingCancelledException', 'Rendering cancelled, page 1'))).toBe(true);
    expect(isCancellation(new Error('boom'))).toBe(false);
  });
});
