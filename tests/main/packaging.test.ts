import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp.js';

// electron-builder.yml read and judged by electron-builder's own code (app-builder-lib): its schema, the filter it
// applies to node_modules, and our beforePack hook. The packager itself cannot run here (no Electron download).

const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load: (text: string) => unknown };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration: (config: unknown, logger: { isEnabled: boolean }) => Promise<void>;
};
type Filter = (file: string, stat: { isDirectory: () => boolean }) => boolean;
const { getNodeModuleFileMatcher } = require('app-builder-lib/out/fileMatcher.js') as {
  getNodeModuleFileMatcher: (...args: unknown[]) => { createFilter: () => Filter };
};
const checkNative = require('../../build/check-native.cjs') as (context: object) => Promise<void>;

interface Target {
  target: string;
  arch: string[];
}
interface BuilderConfig {
  electronFuses: Record<string, boolean>;
  win: { target: Target[] };
  linux: { target: Target[] };
  beforePack: string;
}
const config = yaml.load(readFileSync('electron-builder.yml', 'utf8')) as BuilderConfig;
const root = process.cwd();

describe('electron-builder.yml', () => {
  it('is valid for electron-builder', async () => {
    await expect(validateConfiguration(config, { isEnabled: false })).resolves.toBeUndefined();
    // The validator does refuse: a misspelt option (fuses under a wrong name would silently stay on).
    const { electronFuses, ...rest } = config;
    await expect(validateConfiguration({ ...rest, electronFuse: electronFuses }, { isEnabled: false })).rejects.toThrow(/electronFuse/);
  });

  it('flips the fuses that make the packaged app a Node interpreter or debugger off', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs from node_modules only better-sqlite3\'s JavaScript: every other library is inside dist/', () => {
    const filter = getNodeModuleFileMatcher(root, '/app', (s: string) => s, {}, { config, debugLogger: { isEnabled: false } }).createFilter();
    const packed = (file: string, directory = false) => filter(join(root, file), { isDirectory: () => directory });
    const dependencies = Object.keys((JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> }).dependencies);
    expect(dependencies.length).toBeGreaterThan(5);
    for (const name of dependencies.filter((name) => name !== 'better-sqlite3')) {
      expect(packed(`node_modules/${name}`, true), name).toBe(false);
      expect(packed(`node_modules/${name}/package.json`), name).toBe(false);
    }
    expect(packed('node_modules/@noble', true)).toBe(false);
    expect(packed('node_modules/better-sqlite3', true)).toBe(true);
    expect(packed('node_modules/better-sqlite3/lib/database.js')).toBe(true);
    expect(packed('node_modules/better-sqlite3/package.json')).toBe(true);
    expect(packed('node_modules/better-sqlite3/src', true)).toBe(false);
    expect(packed('node_modules/better-sqlite3/build/Release/better_sqlite3.node')).toBe(false); // Node's ABI
  });

  it('targets Windows nsis x64, and Linux deb and AppImage for x64 and arm64', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.linux.target).toEqual([
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ]);
    expect(config.beforePack).toBe('./build/check-native.cjs');
  });
});

describe('build/check-native.cjs (beforePack)', () => {
  const ARM64 = 3; // builder-util's Arch.arm64
  const context = (projectDir: string) => ({ arch: ARM64, electronPlatformName: 'linux', packager: { projectDir } });
  const addon = (projectDir: string, stamp: object) => {
    const dir = join(projectDir, 'native', 'dist', 'arm64');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'better_sqlite3.node'), '');
    writeFileSync(join(dir, 'yq-build.json'), JSON.stringify(stamp));
  };

  it('stops a package whose architecture has no Electron-ABI better-sqlite3', async () => {
    await expect(checkNative(context(tempDir()))).rejects.toThrow(/无法打包：缺少 linux\/arm64 版的数据库组件/);
  });

  it('stops a package that would carry another architecture\'s build', async () => {
    const dir = tempDir();
    addon(dir, { platform: 'linux', arch: 'x64' });
    await expect(checkNative(context(dir))).rejects.toThrow(/是为 linux\/x64 编译的，不能装进 linux\/arm64 的安装包/);
  });

  it('lets a package with its own architecture\'s build through', async () => {
    const dir = tempDir();
    addon(dir, { platform: 'linux', arch: 'arm64' });
    await expect(checkNative(context(dir))).resolves.toBeUndefined();
  });
});
