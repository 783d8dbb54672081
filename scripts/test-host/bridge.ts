import { METHOD_NAMES } from '../../shared/contract.js';

/**
 * The browser-side stand-in for electron/preload: a script that defines `window.ledger` with exactly the
 * contract's methods, each posting to the host with its token, plus `onProgress`. Served as a same-origin script file so the
 * renderer's Content-Security-Policy (script-src 'self', no inline) stays as strict as in the app.
 */
export function bridgeScript(token: string): string {
  return `(() => {
  const token = ${JSON.stringify(token)};
  const call = (method) => async (input) => {
    const response = await fetch('/api/' + method, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-ledger-token': token },
      body: JSON.stringify(input === undefined ? {} : input),
    });
    return response.json();
  };
  const api = {};
  for (const method of ${JSON.stringify(METHOD_NAMES)}) api[method] = call(method);
  // Request/response HTTP cannot push, so no progress event ever arrives here: the subscription is real in shape
  // (the UI subscribes and unsubscribes as in the app) and silent. Jobs still finish; only the bar stays away.
  api.onProgress = () => () => {};
  Object.defineProperty(window, 'ledger', { value: Object.freeze(api), writable: false, configurable: false });
})();
`;
}
