import { basename, dirname, join } from 'node:path';
import { buildSync } from 'esbuild';

/**
 * A measuring script as one ESM bundle (better-sqlite3 left outside, as in the shipped CLI), in the checkout's
 * tmp/: a child process then runs it with plain node, so its peak memory is the measured work's, not tsx's.
 */
export function bundleSelf(script: string): string {
  const out = join(dirname(script), '../../tmp', basename(script).replace(/\.ts$/, '.mjs'));
  buildSync({
    entryPoints: [script],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    external: ['better-sqlite3', 'esbuild'],
    banner: { js: "import { createRequire as __yqCreateRequire } from 'node:module';\nconst require = __yqCreateRequire(import.meta.url);" },
    logLevel: 'error',
  });
  return out;
}
