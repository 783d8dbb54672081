import { METHOD_NAMES } from '../../shared/contract.js';

/**
 * The browser-side stand-in for electron/preload: a script that defines `window.ledger` with exactly the
 * contract's methods, each posting to the host with its token, plus `onProgress`. Served as a same-origin script file so the
 * renderer's Content-Security-Policy (script-src 'self', no inline) stays as strict as in the app.
 *
 * The page runs under the app's exact policy, connect-src 'none' included (its <meta> is the app:// header), so the
 * page itself can fetch nothing — as in Electron, where the preload's IPC is outside the page's policy. The bridge's
 * requests go through a hidden same-origin frame served without a policy: a fetch runs under the policy of the
 * window whose fetch it is. Answers are parsed in the page's own realm, so they are ordinary page objects.
 */
export const BRIDGE_FRAME_PATH = '/__ledger-bridge-frame.html';
/** Where the page hears progress events (server-sent events; the host sends some when it runs the core worker). */
export const PROGRESS_PATH = '/__ledger-progress';

export function bridgeScript(token: string): string {
  return `(() => {
  const token = ${JSON.stringify(token)};
  const frame = new Promise((ready) => {
    const iframe = document.createElement('iframe');
    iframe.src = ${JSON.stringify(BRIDGE_FRAME_PATH)};
    iframe.hidden = true;
    iframe.setAttribute('aria-hidden', 'true');
    iframe.addEventListener('load', () => ready(iframe.contentWindow), { once: true });
    document.documentElement.appendChild(iframe);
  });
  const call = (method) => async (input) => {
    const response = await (await frame).fetch('/api/' + method, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-ledger-token': token },
      body: JSON.stringify(input === undefined ? {} : input),
    });
    return JSON.parse(await response.text());
  };
  const api = {};
  for (const method of ${JSON.stringify(METHOD_NAMES)}) api[method] = call(method);
  // Progress arrives as server-sent events, opened from the frame (the page's own policy allows no connection),
  // once the first listener subscribes; a host running the core in-process sends none (its jobs block it anyway).
  const listeners = new Set();
  let source;
  api.onProgress = (listener) => {
    listeners.add(listener);
    if (!source) {
      source = frame.then((w) => {
        const events = new w.EventSource(${JSON.stringify(PROGRESS_PATH)} + '?token=' + encodeURIComponent(token));
        events.onmessage = (message) => {
          const event = JSON.parse(message.data);
          for (const l of listeners) l(event);
        };
      });
    }
    return () => { listeners.delete(listener); };
  };
  Object.defineProperty(window, 'ledger', { value: Object.freeze(api), writable: false, configurable: false });
})();
`;
}
