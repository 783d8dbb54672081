#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into native/electron-<version>/, next to (never over) the Node build
// in node_modules. Tests and yq load node_modules' build under Node; the app passes the Electron build to
// better-sqlite3 through its `nativeBinding` option. So `npm test` and `npm start` both work after one
// `npm install`, in either order, with no rebuild in place (DESIGN §3).
//
// Run by `npm start` (which then also needs the Electron binary) and `npm run dist` (electron-builder packs
// native/dist/<arch>/better_sqlite3.node, refreshed here on every run, see electron-builder.yml).
//
//   node scripts/ensure-electron-native.mjs [--force] [--require-electron-binary]
//
// Environment:
//   YQ_ELECTRON_HEADERS_URL      where Electron's headers are downloaded (default https://electronjs.org/headers;
//                                e.g. an intranet mirror)
//   YQ_ELECTRON_HEADERS_TARBALL  a local node-v<version>-headers.tar.gz, for machines without any network
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const args = new Set(process.argv.slice(2));
const force = args.has('--force');
// `npm start` runs Electron right after this script; there, a missing binary is the first thing to report.
const needBinary = args.has('--require-electron-binary') || process.env.npm_lifecycle_event === 'start';
const HEADERS_URL = process.env.YQ_ELECTRON_HEADERS_URL || 'https://electronjs.org/headers';
const HEADERS_TARBALL = process.env.YQ_ELECTRON_HEADERS_TARBALL;
const BUILD_TIMEOUT_MS = 20 * 60_000;
const PROBE_TIMEOUT_MS = 15_000;

function fail(title, ...lines) {
  console.error(`\n✗ ${title}`);
  for (const line of lines) console.error(`  ${line}`);
  console.error('');
  process.exit(1);
}

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

function packageDir(name) {
  try {
    return path.dirname(require.resolve(`${name}/package.json`));
  } catch {
    return undefined;
  }
}

const electronDir = packageDir('electron');
if (!electronDir) fail('未安装 electron 包', '请先运行 npm install。');
const electronVersion = readJson(path.join(electronDir, 'package.json')).version;
const sqliteDir = packageDir('better-sqlite3');
if (!sqliteDir) fail('未安装 better-sqlite3 包', '请先运行 npm install。');
const sqliteVersion = readJson(path.join(sqliteDir, 'package.json')).version;

// 1. The Electron binary. Electron 45 has no install step of its own: its binary is downloaded the first time
//    something asks for it (node_modules/electron/index.js runs install.js). So where it is absent we run that
//    same install.js once, in a child with a time limit, and only then look again; where the download fails (no
//    network, as on these build machines) the person gets the reason and the ways out instead of a stack trace.
const DOWNLOAD_TIMEOUT_MS = 15 * 60_000;

function electronBinary() {
  const pathTxt = path.join(electronDir, 'path.txt');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const executable = existsSync(pathTxt) ? readFileSync(pathTxt, 'utf8').trim() : undefined;
  const binary = override ? path.join(override, executable ?? 'electron') : executable && path.join(electronDir, 'dist', executable);
  return { binary, found: Boolean(binary && existsSync(binary)) };
}

function downloadElectron() {
  const installer = path.join(electronDir, 'install.js');
  if (!existsSync(installer)) return Promise.resolve(-1);
  console.log(`… 正在下载 Electron ${electronVersion} 运行程序（首次运行时下载一次，约 100 MB）`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [installer], { cwd: electronDir, stdio: 'inherit' });
    const timer = setTimeout(() => {
      console.error(`下载超过 ${DOWNLOAD_TIMEOUT_MS / 60_000} 分钟，已中止。`);
      child.kill();
    }, DOWNLOAD_TIMEOUT_MS);
    child.on('error', () => resolve(-1));
    child.on('exit', (status) => {
      clearTimeout(timer);
      resolve(status ?? -1);
    });
  });
}

if (needBinary) {
  let { binary, found } = electronBinary();
  // With ELECTRON_OVERRIDE_DIST_PATH the person named an unpacked Electron: nothing to download.
  const downloaded = !found && !process.env.ELECTRON_OVERRIDE_DIST_PATH ? await downloadElectron() : undefined;
  if (downloaded !== undefined) ({ binary, found } = electronBinary());
  if (!found) {
    fail(
      `找不到 Electron ${electronVersion} 运行程序，npm start 无法在本机运行。`,
      downloaded === undefined
        ? `ELECTRON_OVERRIDE_DIST_PATH 指向的目录中没有 Electron（${binary} 不存在）。`
        : `已尝试下载 Electron 本体但没有成功（上面是下载程序的输出；${binary ?? path.join(electronDir, 'dist')} 不存在）。`,
      '这通常是因为无法访问 Electron 的下载地址（本构建环境即如此：不能下载 Electron）。',
      '在能联网的机器上：再次运行 npm start；或设置 ELECTRON_MIRROR 指向内网镜像后再运行。',
      '已有解压好的 Electron：设置 ELECTRON_OVERRIDE_DIST_PATH=<其目录> 后再运行。',
      '不需要 Electron 也能做的事：npm test（测试）、npm run build（构建）、npm run yq（命令行）。',
    );
  }
}

// 2. The Electron-ABI build of better-sqlite3.
const outDir = path.join(root, 'native', `electron-${electronVersion}`);
const addon = path.join(outDir, 'build', 'Release', 'better_sqlite3.node');
const stampFile = path.join(outDir, 'yq-build.json');
const stamp = { electron: electronVersion, betterSqlite3: sqliteVersion, platform: process.platform, arch: process.arch };
// One folder per architecture: electron-builder packs native/dist/${arch}/ into the package for that architecture.
const packDir = path.join(root, 'native', 'dist', process.arch);

/** electron-builder packs this stable path (its config cannot name the Electron version). */
function refreshPackagedCopy() {
  mkdirSync(packDir, { recursive: true });
  copyFileSync(addon, path.join(packDir, 'better_sqlite3.node'));
  writeFileSync(path.join(packDir, 'yq-build.json'), `${JSON.stringify(stamp, null, 2)}\n`);
}

const built = existsSync(addon) && existsSync(stampFile) && JSON.stringify(readJson(stampFile)) === JSON.stringify(stamp);
if (built && !force) {
  refreshPackagedCopy();
  console.log(`✓ better-sqlite3 ${sqliteVersion} 已为 Electron ${electronVersion} 编译（${path.relative(root, addon)}）`);
  process.exit(0);
}

const nodeGyp = (() => {
  try {
    return require.resolve('node-gyp/bin/node-gyp.js');
  } catch {
    return undefined;
  }
})();
if (!nodeGyp) fail('找不到 node-gyp', '它随 electron-builder 安装；请重新运行 npm install。');

// Headers come from the network unless a tarball is given or node-gyp cached them on an earlier run. Probe first,
// with a timeout, so an offline machine gets an explanation in seconds instead of a hung download.
const devDir = path.join(root, 'native', '.electron-gyp');
const cached = existsSync(path.join(devDir, electronVersion, 'installVersion'));
if (!HEADERS_TARBALL && !cached) {
  const probe = `${HEADERS_URL}/v${electronVersion}/SHASUMS256.txt`;
  try {
    const response = await fetch(probe, { method: 'HEAD', signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
  } catch (error) {
    fail(
      `无法为 Electron ${electronVersion} 编译 better-sqlite3：下载不到 Electron 的头文件。`,
      `访问 ${probe} 失败：${error?.cause?.message ?? error?.message ?? error}`,
      '编译 Electron 版的原生模块需要 Electron 的 C/C++ 头文件，本机无法访问 electronjs.org（无网络或被拦截）。',
      '解决办法（任选其一）：',
      '  · 联网后重新运行 npm start 或 npm run dist；',
      '  · 设置 YQ_ELECTRON_HEADERS_URL 指向内网镜像；',
      `  · 设置 YQ_ELECTRON_HEADERS_TARBALL=<node-v${electronVersion}-headers.tar.gz 的路径>。`,
      '测试（npm test）和命令行（yq）不受影响：它们使用 node_modules 中为 Node 编译的版本。',
    );
  }
}

// A fresh copy of the sources, so node_modules/better-sqlite3 (Node's build) is never touched.
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
for (const entry of ['package.json', 'binding.gyp', 'src', 'deps']) {
  cpSync(path.join(sqliteDir, entry), path.join(outDir, entry), { recursive: true });
}

const gypArgs = [
  nodeGyp,
  'rebuild',
  '--release',
  `--target=${electronVersion}`,
  `--dist-url=${HEADERS_URL}`,
  '--runtime=electron',
  `--arch=${process.arch}`,
  `--devdir=${devDir}`,
  ...(HEADERS_TARBALL ? [`--tarball=${path.resolve(HEADERS_TARBALL)}`] : []),
];
console.log(`… 正在为 Electron ${electronVersion} 编译 better-sqlite3 ${sqliteVersion}（需要几分钟）`);
const code = await new Promise((resolve) => {
  const child = spawn(process.execPath, gypArgs, { cwd: outDir, stdio: 'inherit' });
  const timer = setTimeout(() => {
    console.error(`编译超过 ${BUILD_TIMEOUT_MS / 60_000} 分钟，已中止。`);
    child.kill();
  }, BUILD_TIMEOUT_MS);
  child.on('error', () => resolve(-1));
  child.on('exit', (status) => {
    clearTimeout(timer);
    resolve(status ?? -1);
  });
});
if (code !== 0 || !existsSync(addon)) {
  fail(
    `为 Electron ${electronVersion} 编译 better-sqlite3 失败（node-gyp 退出码 ${code}）。`,
    '上面是 node-gyp 的输出。常见原因：',
    '  · 缺少编译工具：Linux 需要 python3、make、g++（apt install build-essential python3）；',
    '    Windows 需要 Visual Studio Build Tools（含“使用 C++ 的桌面开发”）和 Python 3；',
    '  · 下载 Electron 头文件失败：见 YQ_ELECTRON_HEADERS_URL / YQ_ELECTRON_HEADERS_TARBALL（本文件开头的说明）。',
    'node_modules 中 Node 版的 better-sqlite3 未被改动，npm test 仍可运行。',
  );
}
writeFileSync(stampFile, `${JSON.stringify(stamp, null, 2)}\n`);
refreshPackagedCopy();
console.log(`✓ 已为 Electron ${electronVersion} 编译 better-sqlite3：${path.relative(root, addon)}`);
