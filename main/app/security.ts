/**
 * The security rules of the Electron shell as pure functions (DESIGN §6), so tests can
 * check them without a browser: the window's web preferences, the Content Security
 * Policy, which URLs count as the app itself, which may leave for the OS, and which
 * permissions a page gets.
 */
import type { WebPreferences } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/security.js';

export { CONTENT_SECURITY_POLICY };

/** The page sees only what the preload exposes: no Node, no Electron, no webviews. */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: true,
  };
}

type Headers = Record<string, string | string[]>;

/** The response's headers with our policy in place of any the response carried. */
export function withContentSecurityPolicy(headers: Headers | undefined): Headers {
  const result: Headers = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const lower = name.toLowerCase();
    if (lower === 'content-security-policy' || lower === 'content-security-policy-report-only') continue;
    result[name] = value;
  }
  result['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return result;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function decodedPath(url: URL): string | null {
  try {
    return decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
}

/**
 * True when `url` is the app's own page (`indexUrl`), whatever its query or fragment:
 * the same document, so the same code. Paths compare decoded, so `%20` and a space agree,
 * and without case on Windows, where `C:` and `c:` name the same drive.
 */
export function isAppUrl(url: string, indexUrl: string, platform: NodeJS.Platform = process.platform): boolean {
  const candidate = parse(url);
  const index = parse(indexUrl);
  if (candidate === null || index === null) return false;
  if (candidate.protocol !== index.protocol || candidate.host !== index.host) return false;
  if (candidate.username !== '' || candidate.password !== '') return false;
  const path = decodedPath(candidate);
  const indexPath = decodedPath(index);
  if (path === null || indexPath === null) return false;
  return platform === 'win32' ? path.toLowerCase() === indexPath.toLowerCase() : path === indexPath;
}

const MAX_EXTERNAL_URL_LENGTH = 2048;
/**
 * Whitespace, control and invisible formatting characters (bidi overrides, zero-width),
 * backslashes (which browsers read as `/` but OS handlers may not) and characters that
 * have broken out of quoted command lines before.
 */
const UNSAFE_CHARACTERS = /[\s\p{Cc}\p{Cf}\\"<>`^{}|]/u;
const MAIL_HEADERS = new Set(['subject', 'body', 'cc', 'bcc']);
const MAIL_ADDRESS = /^[^\s@<>()[\]\\,;:"/?#&=]+@(?:[\p{L}\p{N}-]+\.)+[\p{L}\p{N}-]{2,}$/u;
const PHONE_NUMBER = /^\+?[0-9][0-9().-]{0,31}(?:;ext=[0-9]{1,10})?$/i;

function mailAddresses(list: string): boolean {
  const addresses = list.split(',');
  return addresses.length <= 50 && addresses.every((address) => MAIL_ADDRESS.test(address));
}

function decoded(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/**
 * `mailto:` with addresses and only the harmless headers: some mail clients honour
 * `attach=` and would send a local file.
 */
function isSafeMailto(url: URL): boolean {
  const addresses = decoded(url.pathname);
  if (addresses === null || (addresses !== '' && !mailAddresses(addresses))) return false;
  let recipients = addresses === '' ? 0 : 1;
  for (const [name, value] of url.searchParams) {
    if (!MAIL_HEADERS.has(name.toLowerCase())) return false;
    if (name.toLowerCase() === 'cc' || name.toLowerCase() === 'bcc') {
      if (!mailAddresses(value)) return false;
      recipients += 1;
    }
  }
  return recipients > 0 && url.hash === '';
}

/**
 * The URL to hand to the OS (its normalised form), or null when it must not leave the
 * app: only well-formed `http:`/`https:` links with a host and no credentials, `mailto:`
 * addresses and `tel:` numbers, which is what the detail pane links to.
 */
export function safeExternalUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_EXTERNAL_URL_LENGTH) return null;
  if (UNSAFE_CHARACTERS.test(raw)) return null;
  const url = parse(raw);
  if (url === null) return null;
  switch (url.protocol) {
    case 'http:':
    case 'https:': {
      // Exactly `scheme://host`: no `https:evil.com` or `https:///evil.com` that parsers repair differently.
      const authority = /^https?:\/\/([^/?#]*)/i.exec(raw)?.[1];
      if (authority === undefined || authority === '' || authority.includes('@')) return null;
      if (url.username !== '' || url.password !== '' || url.hostname === '') return null;
      return url.href;
    }
    case 'mailto:':
      return isSafeMailto(url) ? url.href : null;
    case 'tel:': {
      const number = decoded(url.pathname);
      return number !== null && url.search === '' && url.hash === '' && PHONE_NUMBER.test(number) ? url.href : null;
    }
    default:
      return null;
  }
}

export function isSafeExternalUrl(raw: unknown): boolean {
  return safeExternalUrl(raw) !== null;
}

/**
 * Every permission is refused but one: writing plain text to the clipboard from the app's
 * own page, so "copy email" works (`navigator.clipboard.writeText` asks for it).
 */
export function isPermissionGranted(permission: string, requestingUrl: string | undefined, indexUrl: string): boolean {
  return permission === 'clipboard-sanitized-write' && requestingUrl !== undefined && isAppUrl(requestingUrl, indexUrl);
}
