import { describe, expect, it } from 'vitest';
import { attachmentDisplayName, baseMediaType, hasContent, isLinkOnly, mediaTypeLabel, typeMismatch } from './file-type';

describe('what an attachment is', () => {
  it('names media types in words, ignoring parameters', () => {
    expect(baseMediaType('text/plain; charset=utf-16le')).toBe('text/plain');
    expect(mediaTypeLabel('application/pdf')).toBe('PDF');
    expect(mediaTypeLabel('text/plain; charset=utf-16le')).toBe('plain text');
    expect(mediaTypeLabel('application/x-unheard-of')).toBe('application/x-unheard-of');
    expect(mediaTypeLabel(null)).toBe('unknown type');
  });

  it('badges a name that claims another type than the bytes are', () => {
    expect(typeMismatch({ name: 'CV.pdf', declaredMediaType: 'application/pdf', mediaType: 'text/html' })).toBe('named .pdf, is HTML');
    expect(typeMismatch({ name: 'photo.PNG', declaredMediaType: 'image/png', mediaType: 'image/jpeg' })).toBe('named .PNG, is JPEG image');
  });

  it('stays quiet when they agree, when only the kind of text differs, or when there is nothing to compare', () => {
    expect(typeMismatch({ name: 'CV.pdf', declaredMediaType: 'application/pdf', mediaType: 'application/pdf' })).toBeNull();
    expect(typeMismatch({ name: 'notes.md', declaredMediaType: 'text/markdown', mediaType: 'text/plain' })).toBeNull();
    expect(typeMismatch({ name: 'data.csv', declaredMediaType: 'text/csv', mediaType: 'text/plain; charset=utf-16le' })).toBeNull();
    expect(typeMismatch({ name: 'file', declaredMediaType: null, mediaType: 'application/pdf' })).toBeNull();
    expect(typeMismatch({ name: 'CV.pdf', declaredMediaType: 'application/pdf', mediaType: null })).toBeNull();
  });

  it('tells link-only attachments and those with bytes apart', () => {
    expect(isLinkOnly({ link: 'https://ats.example/f/1', size: null, error: null })).toBe(true);
    expect(isLinkOnly({ link: 'https://ats.example/f/1', size: 10, error: null })).toBe(false);
    expect(isLinkOnly({ link: 'https://ats.example/f/1', size: null, error: 'invalid base64' })).toBe(false);
    expect(hasContent({ size: 0, error: null })).toBe(true);
    expect(hasContent({ size: null, error: null })).toBe(false);
  });

  it('shows names with control and bidi-override characters visibly, never reordered', () => {
    expect(attachmentDisplayName({ name: 'cv\u202Efdp.exe', n: 1 })).toBe('cv\uFFFDfdp.exe');
    expect(attachmentDisplayName({ name: '../etc\u0000passwd', n: 1 })).toBe('../etc\uFFFDpasswd');
    expect(attachmentDisplayName({ name: '  ', n: 3 })).toBe('Attachment 3');
    expect(attachmentDisplayName({ name: null, n: 2 })).toBe('Attachment 2');
  });
});
