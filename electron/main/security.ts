import type { Session, WebContents } from 'electron';
import { isAppUrl } from './protocol.js';

// The window shows only our own pages: no navigation away, no pop-ups, no <webview>, no permission prompts.
// Links people paste (a Weibo post, a news page) stay text in the ledger; opening them is a deliberate action the
// contract would offer, never something a page can trigger.

/** Only frames showing our app:// pages may call the ledger. */
export const isTrustedSender = (frameUrl: string): boolean => isAppUrl(frameUrl);

type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler' | 'getURL'>;

export function hardenWebContents(contents: GuardedContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    // A same-URL navigation is a reload; everything else would take our preload somewhere it must not go.
    if (url !== contents.getURL()) event.preventDefault();
  });
  // A frame inside the page (an <iframe> a bug or a pasted link let in) navigates without will-navigate: deny every
  // frame navigation but the same reload will-navigate allows. Our pages have no frames of their own.
  contents.on('will-frame-navigate', (event) => {
    if (!(event.isMainFrame && event.url === contents.getURL())) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function denyPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  // The only capability our own pages may check for is writing plain text to the clipboard ("复制" buttons).
  session.setPermissionCheckHandler(
    (_contents, permission, requestingOrigin) => permission === 'clipboard-sanitized-write' && isAppUrl(requestingOrigin),
  );
}
