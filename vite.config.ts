import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// The renderer is loaded from disk by Electron (file://), so asset URLs must be relative (base './').
// index.html carries a strict Content-Security-Policy. The dev server needs two things it forbids — React
// Refresh's inline preamble and the HMR websocket — so, and only while serving, the policy is relaxed for them.
// Built files keep the strict policy.
const relaxCspForDevServer: Plugin = {
  name: 'yq-relax-csp-for-dev-server',
  apply: 'serve',
  transformIndexHtml: (html) =>
    html
      .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
      .replace("connect-src 'self'", "connect-src 'self' ws: wss:"),
};

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), relaxCspForDevServer],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
  },
});
