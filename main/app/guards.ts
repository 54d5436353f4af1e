/**
 * Applies the rules of security.ts to Electron: the session's CSP header and permission
 * handlers, and for every web contents no navigation away, no new windows, no webviews.
 */
import { shell, type Session, type WebContents } from 'electron';
import { isAppUrl, isPermissionGranted, safeExternalUrl, withContentSecurityPolicy } from './security.js';

export function installSessionPolicy(session: Session, indexUrl: string): void {
  // file:// pages take their policy from the meta tag; the header covers anything else.
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionGranted(permission, details.requestingUrl, indexUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionGranted(permission, details.requestingUrl ?? requestingOrigin, indexUrl),
  );
}

/** Hands a link to the OS's browser or mail app when it is safe to; true when it did. */
export function openExternal(url: string): boolean {
  const safe = safeExternalUrl(url);
  if (safe === null) {
    // Only the scheme: a link can carry a candidate's personal data.
    console.warn(`refused to open a link outside the app (${schemeOf(url)})`);
    return false;
  }
  shell.openExternal(safe).catch((error: unknown) => {
    console.warn(`could not open a ${schemeOf(safe)} link: ${(error as Error).message}`);
  });
  return true;
}

function schemeOf(url: string): string {
  return /^[a-z][a-z0-9+.-]{0,30}:/i.exec(url)?.[0] ?? 'no scheme';
}

/** For every web contents the app creates (app `web-contents-created`). */
export function guardWebContents(contents: WebContents, indexUrl: string): void {
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url, indexUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url, indexUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // Links with target=_blank come here: http(s), mailto: and tel: go to the OS, nothing opens inside.
  contents.setWindowOpenHandler(({ url }) => {
    openExternal(url);
    return { action: 'deny' };
  });
}
