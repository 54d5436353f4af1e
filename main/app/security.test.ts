import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  isAppUrl,
  isPermissionGranted,
  isSafeExternalUrl,
  safeExternalUrl,
  secureWebPreferences,
  withContentSecurityPolicy,
} from './security.js';

const INDEX_URL = 'file:///opt/Candidate%20Viewer/resources/app.asar/dist/renderer/index.html';

/** The directives of a policy, by name. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0] !== '')
      .map(([name, ...sources]) => [name!, sources]),
  );
}

describe('isSafeExternalUrl', () => {
  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'vbscript:msgbox(1)',
    'smb://host/share',
    'data:text/html,<script>alert(1)</script>',
    'data:text/html;base64,PHNjcmlwdD4=',
    'https://user:pass@example.com',
    'https://user@example.com',
    'https://good.com@evil.com',
    'https://good.com%40evil.com@evil.com',
    'http://exa mple.com',
    'https://example.com\n',
    'https://example.com/\u202egnp.exe',
    'https://example.com/\u200b',
    'https:\\\\evil.com',
    'https://good.com\\@evil.com',
    '//evil.com',
    'https:evil.com',
    'https:///evil.com',
    'https://',
    'ftp://example.com/file',
    'chrome://settings',
    'about:blank',
    'ms-msdt:/id PCWDiagnostic',
    'mailto:someone@example.com?attach=/home/user/.ssh/id_rsa',
    'mailto:',
    'mailto:not-an-address',
    'tel:+44 20 7946 0000',
    'tel:javascript:alert(1)',
    `https://example.com/${'a'.repeat(3000)}`,
    '',
  ])('refuses %j', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });

  it.each([
    'https://www.linkedin.com/in/x',
    'http://example.com/a?b#c',
    'HTTPS://EXAMPLE.COM/Path',
    'https://example.com:8443/portfolio',
    'https://münchen.de/lebenslauf',
    'mailto:jane.doe@example.com',
    'mailto:j%C3%B6rg@example.de',
    'mailto:jane@example.com?subject=Your%20application&cc=recruiting@example.com',
    'tel:+442079460000',
    'tel:+1-202-555-0143',
    'tel:020.7946.0000;ext=12',
  ])('accepts %j', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true);
  });

  it('hands the OS the normalised URL it checked', () => {
    expect(safeExternalUrl('HTTPS://Example.COM/a b'.replace(' ', '%20'))).toBe('https://example.com/a%20b');
    expect(safeExternalUrl('https://münchen.de/')).toBe('https://xn--mnchen-3ya.de/');
  });

  it('refuses what is not a string', () => {
    expect(isSafeExternalUrl(undefined)).toBe(false);
    expect(isSafeExternalUrl({ toString: () => 'https://example.com' })).toBe(false);
  });
});

describe('isAppUrl', () => {
  it("accepts the app's own page, with any fragment or query", () => {
    expect(isAppUrl(INDEX_URL, INDEX_URL)).toBe(true);
    expect(isAppUrl(`${INDEX_URL}#/applications/42`, INDEX_URL)).toBe(true);
    expect(isAppUrl(`${INDEX_URL}?view=reports`, INDEX_URL)).toBe(true);
    expect(isAppUrl(INDEX_URL.replace('%20', ' '), INDEX_URL)).toBe(true);
  });

  it('refuses any other page', () => {
    expect(isAppUrl('file:///etc/passwd', INDEX_URL)).toBe(false);
    expect(isAppUrl(INDEX_URL.replace('index.html', 'other.html'), INDEX_URL)).toBe(false);
    expect(isAppUrl(INDEX_URL.replace('/renderer/', '/renderer/../renderer2/'), INDEX_URL)).toBe(false);
    expect(isAppUrl('https://opt/Candidate%20Viewer/resources/app.asar/dist/renderer/index.html', INDEX_URL)).toBe(false);
    expect(isAppUrl('file://evil.com/opt/Candidate%20Viewer/resources/app.asar/dist/renderer/index.html', INDEX_URL)).toBe(false);
    expect(isAppUrl('about:blank', INDEX_URL)).toBe(false);
    expect(isAppUrl('not a url', INDEX_URL)).toBe(false);
  });

  it('compares paths without case on Windows only', () => {
    const windows = 'file:///C:/Program%20Files/Candidate%20Viewer/resources/app.asar/dist/renderer/index.html';
    expect(isAppUrl(windows.replace('C:', 'c:'), windows, 'win32')).toBe(true);
    expect(isAppUrl(windows.replace('C:', 'c:'), windows, 'linux')).toBe(false);
  });
});

describe('the content security policy', () => {
  const policy = directives(CONTENT_SECURITY_POLICY);

  it('lets no inline or evaluated script run, and loads nothing from elsewhere', () => {
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|\*|https?:/);
  });

  it("replaces whatever policy a response carried with the app's", () => {
    const headers = withContentSecurityPolicy({
      'content-security-policy': ["script-src 'unsafe-inline'"],
      'Content-Security-Policy-Report-Only': ['default-src *'],
      'Content-Type': ['text/html'],
    });
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    expect(withContentSecurityPolicy(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});

describe('secureWebPreferences', () => {
  it('isolates and sandboxes the page, with no Node and no webviews', () => {
    expect(secureWebPreferences('/app/dist/app/preload.cjs')).toMatchObject({
      preload: '/app/dist/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: true,
    });
  });
});

describe('isPermissionGranted', () => {
  it('refuses every permission but writing text to the clipboard from the app itself', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen', 'unknown']) {
      expect(isPermissionGranted(permission, INDEX_URL, INDEX_URL)).toBe(false);
    }
    expect(isPermissionGranted('clipboard-sanitized-write', INDEX_URL, INDEX_URL)).toBe(true);
    expect(isPermissionGranted('clipboard-sanitized-write', 'https://evil.com/', INDEX_URL)).toBe(false);
    expect(isPermissionGranted('clipboard-sanitized-write', undefined, INDEX_URL)).toBe(false);
  });
});
