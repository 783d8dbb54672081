import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

// The core worker's entry bundled the way the app ships it (one CommonJS file, better-sqlite3 external): Node 20
// workers do not inherit tsx's loader hooks, so bundling is the reliable way to run the real worker in tests.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);

/** Writes `core-worker.cjs` into `dir` and returns its path. */
export async function bundleCoreWorker(dir: string): Promise<string> {
  return (await bundleCoreWorkerWithInputs(dir)).path;
}

/** The same, with the source files the bundle took in (to prove what the worker does and does not contain). */
export async function bundleCoreWorkerWithInputs(dir: string): Promise<{ path: string; inputs: string[] }> {
  const outfile = path.join(dir, 'core-worker.cjs');
  const betterSqlite = require.resolve('better-sqlite3');
  const result = await build({
    metafile: true,
    entryPoints: [path.join(root, 'electron/core/worker/entry.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    define: { APP_VERSION: JSON.stringify('9.9.9-test') },
    logLevel: 'silent',
    // The bundle lives in a temp folder, so point the external at node_modules' copy by absolute path.
    plugins: [{ name: 'better-sqlite3-absolute', setup: (b) => void b.onResolve({ filter: /^better-sqlite3$/ }, () => ({ path: betterSqlite, external: true })) }],
  });
  return { path: outfile, inputs: Object.keys(result.metafile.inputs) };
}
