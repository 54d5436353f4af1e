/**
 * The renderer's Content Security Policy, sent as a header by both faces (Electron's
 * session and the web server); renderer/index.html carries the same policy as a meta
 * tag, less `frame-ancestors`, which browsers ignore there.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
