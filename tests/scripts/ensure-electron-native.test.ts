import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp.js';

// The real scripts/ensure-electron-native.mjs, run in a copy of the project whose node_modules/electron is a
// stand-in: electron 45 downloads its binary on first use (install.js), and the script must give it that chance
// before it says the binary is missing. The Electron-ABI better-sqlite3 is stamped as built so the script ends
// after the binary step.
const VERSION = '45.5.0';

function project(install: 'downloads' | 'fails') {
  const root = tempDir();
  mkdirSync(join(root, 'scripts'));
  copyFileSync('scripts/ensure-electron-native.mjs', join(root, 'scripts', 'ensure-electron-native.mjs'));
  const electron = join(root, 'node_modules', 'electron');
  mkdirSync(electron, { recursive: true });
  writeFileSync(join(electron, 'package.json'), JSON.stringify({ name: 'electron', version: VERSION }));
  writeFileSync(
    join(electron, 'install.js'),
    install === 'downloads'
      ? `const fs = require('fs'); fs.mkdirSync(__dirname + '/dist'); fs.writeFileSync(__dirname + '/dist/electron', '');
         fs.writeFileSync(__dirname + '/path.txt', 'electron'); fs.writeFileSync(__dirname + '/ran', '');`
      : `require('fs').writeFileSync(__dirname + '/ran', ''); console.error('TypeError: fetch failed'); process.exit(1);`,
  );
  const sqlite = join(root, 'node_modules', 'better-sqlite3');
  mkdirSync(sqlite, { recursive: true });
  writeFileSync(join(sqlite, 'package.json'), JSON.stringify({ name: 'better-sqlite3', version: '12.11.1' }));
  const built = join(root, 'native', `electron-${VERSION}`);
  mkdirSync(join(built, 'build', 'Release'), { recursive: true });
  writeFileSync(join(built, 'build', 'Release', 'better_sqlite3.node'), '');
  const stamp = { electron: VERSION, betterSqlite3: '12.11.1', platform: process.platform, arch: process.arch };
  writeFileSync(join(built, 'yq-build.json'), `${JSON.stringify(stamp, null, 2)}\n`);
  return { root, electron };
}

function run(root: string) {
  const env = { ...process.env };
  delete env.ELECTRON_OVERRIDE_DIST_PATH;
  return spawnSync(process.execPath, ['scripts/ensure-electron-native.mjs', '--require-electron-binary'], { cwd: root, env, encoding: 'utf8' });
}

describe('npm start on a fresh install (electron downloads its binary on first use)', () => {
  it('lets electron download its binary, then goes on', () => {
    const { root, electron } = project('downloads');
    const result = run(root);
    expect(existsSync(join(electron, 'ran'))).toBe(true);
    expect(result.stderr).not.toMatch(/找不到 Electron/);
    expect(result.status).toBe(0);
    expect(existsSync(join(root, 'native', 'dist', process.arch, 'better_sqlite3.node'))).toBe(true);
  });

  it('where the download fails, says so in Chinese with the ways out', () => {
    const { root, electron } = project('fails');
    const result = run(root);
    expect(existsSync(join(electron, 'ran'))).toBe(true);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/找不到 Electron 45\.5\.0 运行程序/);
    expect(result.stderr).toMatch(/已尝试下载 Electron 本体但没有成功/);
    expect(result.stderr).toMatch(/ELECTRON_MIRROR/);
  });
});
