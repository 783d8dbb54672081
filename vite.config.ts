import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './electron/main/csp.js';

// The renderer is loaded by Electron from app://ledger (electron/main/protocol.ts); asset URLs are relative (base './').
// index.html's Content-Security-Policy <meta> is written from the same constant as the app:// header, so the built
// page carries exactly the policy the app ships (tests/browser/csp.test.ts compares them). The dev server needs
// two things it forbids — React Refresh's inline preamble and the HMR websocket — so, and only while serving, the
// policy is relaxed for them.
const PLACEHOLDER = '%YQ_CONTENT_SECURITY_POLICY%';

const contentSecurityPolicy: Plugin = {
  name: 'yq-content-security-policy',
  transformIndexHtml: {
    order: 'pre',
    handler: (html, context) => {
      const policy = context.server
        ? CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace(
            "connect-src 'none'",
            "connect-src 'self' ws: wss:",
          )
        : CONTENT_SECURITY_POLICY;
      if (!html.includes(PLACEHOLDER)) throw new Error(`renderer/index.html has lost its ${PLACEHOLDER}`);
      return html.replace(PLACEHOLDER, policy);
    },
  },
};

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), contentSecurityPolicy],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
  },
});
