import { describe, expect, it } from 'vitest';
import { sniffMediaType } from '../../../../attachments/sniff.js';
import { htmlDocument } from './html.js';

describe('htmlDocument', () => {
  const page = htmlDocument('Offer <letter>', [
    { kind: 'title', text: 'Northwind Talent GmbH' },
    { kind: 'paragraph', text: 'Dear <script>alert(1)</script> & "friends",' },
    { kind: 'fields', rows: [['Base salary', 'EUR 78,000']] },
    { kind: 'bullet', text: 'one' },
    { kind: 'bullet', text: 'two' },
    { kind: 'paragraph', text: 'after' },
  ]).toString('utf8');

  it('is a complete UTF-8 page the sniffer takes for HTML', () => {
    expect(page.startsWith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Offer &lt;letter&gt;</title>')).toBe(true);
    expect(sniffMediaType(Buffer.from(page))).toBe('text/html');
  });

  it('escapes all text, so candidate text never becomes markup', () => {
    expect(page).toContain('Dear &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;friends&quot;,');
    expect(page).not.toMatch(/<script/i);
  });

  it('groups bullets into one list and sets fields as a table', () => {
    expect(page).toMatch(/<ul[^>]*>\s*<li[^>]*>one<\/li>\s*<li[^>]*>two<\/li>\s*<\/ul>\s*<p[^>]*>after<\/p>/);
    expect(page).toMatch(/<th scope="row"[^>]*>Base salary<\/th><td[^>]*>EUR 78,000<\/td>/);
  });

  it('refers to nothing outside itself: inline styles only', () => {
    expect(page).not.toMatch(/\b(src|href|action)=|url\(|@import|<link|<style/i);
  });
});
