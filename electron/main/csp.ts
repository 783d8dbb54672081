// The one Content-Security-Policy of the renderer: sent as a header by the app:// protocol (protocol.ts) and written
// into the built index.html's <meta> by vite.config.ts, so a page opened without our header (the test host, a
// saved copy) runs under the same policy the app ships. No imports: vite's config reads this file too.
// (Browsers ignore frame-ancestors in a <meta>; the header carries it, and the meta stays an exact copy.)
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
