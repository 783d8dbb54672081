#!/usr/bin/env node
// npm run build: bundles every process of the app into dist/.
//   electron/main/main.ts          → dist/electron/main.cjs         (Electron main process)
//   electron/preload/preload.ts    → dist/electron/preload.cjs      (sandboxed preloads must be CommonJS)
//   electron/core/worker/entry.ts  → dist/electron/core-worker.cjs  (the core, on its own thread)
//   electron/cli/yq.ts             → dist/cli/yq.mjs                (yq, for administrators and scheduled jobs)
//   renderer/ (vite.config.ts)     → dist/renderer/
// better-sqlite3 stays external (a native addon is loaded from disk, and Electron gets its own ABI build through
// the nativeBinding option); electron stays external (it is the runtime itself).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const at = (p) => path.join(root, p);

// Conservative targets: Electron 45 ships at least this Node and Chromium; the CLI runs on the Node the engines
// field allows.
const ELECTRON_NODE = 'node22';
const CLI_NODE = 'node20.19';

/** Fails the build when a bundle reaches for a module its layer must not load (DESIGN §2). */
function forbid(modules, why) {
  const filter = new RegExp(`^(${modules.map((m) => m.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})$`);
  return {
    name: 'forbid-imports',
    setup(b) {
      b.onResolve({ filter }, (args) => ({ errors: [{ text: `${args.path}: ${why}（由 ${args.importer} 引入）` }] }));
    },
  };
}

/** The contract's method names, read from the contract itself (bundled once to a scratch file and imported). */
async function contractMethodNames() {
  const scratch = mkdtempSync(path.join(tmpdir(), 'yq-contract-'));
  try {
    const outfile = path.join(scratch, 'contract.mjs');
    await build({ entryPoints: [at('shared/contract.ts')], outfile, bundle: true, platform: 'node', format: 'esm', logLevel: 'warning' });
    const { METHOD_NAMES } = await import(pathToFileURL(outfile).href);
    return METHOD_NAMES;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * The preload relays calls by name and validates nothing (main does): give it the names alone instead of the
 * contract module, whose zod schemas would otherwise ride along into every page.
 */
function contractNamesOnly(names) {
  return {
    name: 'contract-names-only',
    setup(b) {
      b.onResolve({ filter: /\/shared\/contract\.js$/ }, () => ({ path: 'contract-names', namespace: 'contract-names' }));
      b.onLoad({ filter: /.*/, namespace: 'contract-names' }, () => ({
        contents: `export const METHOD_NAMES = ${JSON.stringify(names)};`,
        loader: 'js',
      }));
    },
  };
}

const methodNames = await contractMethodNames();

const common = {
  bundle: true,
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'none',
  define: { APP_VERSION: JSON.stringify(pkg.version) },
};

const bundles = [
  {
    ...common,
    entryPoints: [at('electron/main/main.ts')],
    outfile: at('dist/electron/main.cjs'),
    platform: 'node',
    format: 'cjs',
    target: ELECTRON_NODE,
    external: ['electron'],
    plugins: [forbid(['better-sqlite3'], '数据库只在核心工作线程中打开，主进程不得直接加载')],
  },
  {
    ...common,
    entryPoints: [at('electron/preload/preload.ts')],
    outfile: at('dist/electron/preload.cjs'),
    minify: true,
    plugins: [contractNamesOnly(methodNames)],
    // A sandboxed preload gets a browser-like environment with a tiny require() that knows only 'electron'.
    platform: 'browser',
    format: 'cjs',
    target: 'chrome142',
    external: ['electron'],
  },
  {
    ...common,
    entryPoints: [at('electron/core/worker/entry.ts')],
    outfile: at('dist/electron/core-worker.cjs'),
    platform: 'node',
    format: 'cjs',
    target: ELECTRON_NODE,
    external: ['better-sqlite3'],
    plugins: [forbid(['electron'], '核心不得依赖 Electron')],
  },
  {
    ...common,
    entryPoints: [at('electron/cli/yq.ts')],
    outfile: at('dist/cli/yq.mjs'),
    platform: 'node',
    format: 'esm',
    target: CLI_NODE,
    external: ['better-sqlite3'],
    plugins: [forbid(['electron'], 'yq 在纯 Node 下运行，不得依赖 Electron')],
    // Bundled CommonJS dependencies may call require(); ESM output has none, so provide one.
    banner: {
      js: "import { createRequire as __yqCreateRequire } from 'node:module';\nconst require = __yqCreateRequire(import.meta.url);",
    },
  },
];

async function buildRenderer() {
  const config = at('vite.config.ts');
  if (!existsSync(config)) {
    console.warn('⚠ 未找到 vite.config.ts，跳过界面（renderer）构建：dist/renderer 不会更新。');
    return;
  }
  const { build: viteBuild } = await import('vite');
  // The config sets its own root (renderer/) and outDir (dist/renderer).
  await viteBuild({ configFile: config, logLevel: 'warn' });
}

const started = Date.now();
// Let every bundle finish (or fail) before reporting, so one broken layer does not hide the state of the others.
const jobs = [
  // esbuild prints its own errors with file and line; vite's are printed below.
  ...bundles.map((options) => ({ name: path.relative(root, options.outfile), run: () => build(options), printsErrors: true })),
  { name: 'dist/renderer', run: buildRenderer, printsErrors: false },
];
const results = await Promise.allSettled(jobs.map((job) => job.run()));
const failed = jobs.filter((_, i) => results[i].status === 'rejected');
if (failed.length > 0) {
  results.forEach((result, i) => {
    if (result.status !== 'rejected') return;
    if (!jobs[i].printsErrors) console.error(result.reason);
    console.error(`✗ ${jobs[i].name} 构建失败`);
  });
  process.exit(1);
}
console.log(`✓ 构建完成（版本 ${pkg.version}，${Date.now() - started} ms）：${jobs.map((j) => j.name).join('、')}`);
