import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Three projects: the core and everything Node-side, renderer components in jsdom (backed by the real core),
// and end-to-end tests in a real Chromium against the built renderer.
export default defineConfig({
  test: {
    pool: 'forks',
    reporters: ['default', './tests/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/renderer/**', 'tests/browser/**'],
          testTimeout: 30_000,
          // Far from China on purpose: ledger time logic must not depend on the workstation's zone.
          env: { TZ: 'America/New_York' },
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'jsdom',
          environment: 'jsdom',
          setupFiles: ['./tests/renderer/setup-node-bytes.ts'],
          include: ['tests/renderer/**/*.test.tsx', 'tests/renderer/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'browser',
          environment: 'node',
          include: ['tests/browser/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
