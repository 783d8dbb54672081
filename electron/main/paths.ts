import path from 'node:path';

// Where everything the main process needs lives, in development (`electron .` from the repo) and packaged
// (app.asar plus resources/). Pure: the caller passes what `app` and `process` report, so tests need no Electron.

export interface PathInputs {
  /** `app.getAppPath()`: the folder with package.json, or resources/app.asar when packaged. */
  appPath: string;
  /** `app.getPath('userData')`. */
  userData: string;
  /** `process.resourcesPath` (packaged builds put the native binding there, outside the asar). */
  resourcesPath: string;
  isPackaged: boolean;
  /** `process.versions.electron`. */
  electronVersion: string;
}

export interface AppPaths {
  dbPath: string;
  preload: string;
  rendererDir: string;
  workerEntry: string;
  /** better-sqlite3 built for Electron's ABI; the caller uses it only if the file exists. */
  nativeBinding: string;
}

/** Folder (under the repo) where scripts/ensure-electron-native.mjs builds better-sqlite3 for an Electron version. */
export const nativeDirFor = (electronVersion: string) => path.join('native', `electron-${electronVersion}`);

export function appPaths(inputs: PathInputs): AppPaths {
  const dist = path.join(inputs.appPath, 'dist');
  return {
    dbPath: path.join(inputs.userData, 'ledger.db'),
    preload: path.join(dist, 'electron', 'preload.cjs'),
    rendererDir: path.join(dist, 'renderer'),
    workerEntry: path.join(dist, 'electron', 'core-worker.cjs'),
    // Packaged: electron-builder's extraResources (see electron-builder.yml). Development: the versioned build,
    // so a stale binding from another Electron version is never loaded.
    nativeBinding: inputs.isPackaged
      ? path.join(inputs.resourcesPath, 'native', 'better_sqlite3.node')
      : path.join(inputs.appPath, nativeDirFor(inputs.electronVersion), 'build', 'Release', 'better_sqlite3.node'),
  };
}
