/**
 * Which candidate-supplied addresses may become links. Only http(s) pages open (in the
 * browser, never in the app); `javascript:`, `data:`, `file:` and any other scheme stay text.
 */

// The URL parser drops tabs and newlines anywhere ("java\tscript:") and controls and spaces at
// either end, so we judge the address it would see.
const URL_PARSER_TRIMS = /^[\u0000-\u0020]+|[\u0000-\u0020]+$/g;
const URL_PARSER_DROPS = /[\t\n\r]/g;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** An http(s) URL for a candidate's link, or null when it must be shown as plain text. */
export function safeExternalUrl(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const compact = raw.replace(URL_PARSER_DROPS, '').replace(URL_PARSER_TRIMS, '');
  if (compact === '') return null;
  let scheme = SCHEME.exec(compact)?.[1]?.toLowerCase();
  // "www.example.com:8080/x" is a host and port, not a scheme called "www.example.com".
  if (scheme !== undefined && scheme.includes('.') && /^\d/.test(compact.slice(scheme.length + 1))) scheme = undefined;
  let candidate: string;
  if (scheme === undefined) {
    // Scheme-less links ("www.linkedin.com/in/x", "//github.com/x") are web addresses.
    candidate = `https://${compact.replace(/^\/+/, '')}`;
  } else if (scheme === 'http' || scheme === 'https') {
    candidate = compact;
  } else {
    return null;
  }
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  // A host needs a dot (or to be localhost) to be a web address and not a word we prefixed.
  if (!url.hostname.includes('.') && url.hostname !== 'localhost') return null;
  if (url.username !== '' || url.password !== '') return null;
  return url.href;
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;

/** A `mailto:` for a plausible address, or null to show it as text. */
export function mailtoHref(email: string | null | undefined): string | null {
  const trimmed = email?.trim() ?? '';
  if (!EMAIL.test(trimmed)) return null;
  return `mailto:${encodeURIComponent(trimmed).replace(/%40/g, '@')}`;
}

/**
 * A `tel:` of the number's digits (with its leading +), or null when there are no digits
 * to dial. Only digits and + pass the desktop shell's check of what it hands to the OS.
 */
export function telHref(phone: string | null | undefined): string | null {
  const text = (phone ?? '').trim();
  const digits = text.replace(/\D/g, '');
  if (digits.length < 3) return null;
  return `tel:${text.startsWith('+') ? '+' : ''}${digits}`;
}
