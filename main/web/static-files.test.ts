import { describe, expect, it } from 'vitest';
import { contentTypeOf, pathSegments } from './static-files.js';

function refusal(target: string): number | undefined {
  try {
    pathSegments(target);
    return undefined;
  } catch (error) {
    return (error as { status?: number }).status;
  }
}

describe('static paths', () => {
  it('decodes a path into segments, ignoring the query and empty segments', () => {
    expect(pathSegments('/')).toEqual([]);
    expect(pathSegments('/assets//app%20x.js?token=abc')).toEqual(['assets', 'app x.js']);
  });

  it('refuses .. and . in any spelling, hidden files, backslashes, NUL and bad escapes', () => {
    expect(refusal('/../package.json')).toBe(403);
    expect(refusal('/%2e%2e/package.json')).toBe(403);
    expect(refusal('/assets/..%2f..%2fpackage.json')).toBe(403);
    expect(refusal('/./index.html')).toBe(403);
    expect(refusal('/.env')).toBe(404);
    expect(refusal('/assets/.git/config')).toBe(404);
    expect(refusal('/..%5c..%5cpackage.json')).toBe(400);
    expect(refusal('/index.html%00.js')).toBe(400);
    expect(refusal('/%E0%A4%A')).toBe(400);
    expect(refusal('http://127.0.0.1/index.html')).toBe(400);
  });

  it('names the content types the build uses', () => {
    expect(contentTypeOf('a/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('x.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('x.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeOf('x.svg')).toBe('image/svg+xml');
    expect(contentTypeOf('x.png')).toBe('image/png');
    expect(contentTypeOf('x.woff2')).toBe('font/woff2');
    expect(contentTypeOf('x.json')).toBe('application/json; charset=utf-8');
    expect(contentTypeOf('x.js.map')).toBe('application/json; charset=utf-8');
    expect(contentTypeOf('favicon.ico')).toBe('image/x-icon');
    expect(contentTypeOf('x.exe')).toBe('application/octet-stream');
  });
});
