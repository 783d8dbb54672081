import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { layerRules } from '../../eslint/layers.js';

// Proves each layer rule of DESIGN §2 fires, with the message that says why, and that allowed imports pass.
// Uses the real rule configs from eslint/layers.js on virtual files placed in each layer.

const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfigFile: true,
  overrideConfig: [{ files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tseslint.parser } }, ...layerRules],
});

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

const cases: { layer: string; file: string; code: string; why: RegExp }[] = [
  { layer: 'shared', file: 'shared/x.ts', code: "import { readFileSync } from 'node:fs';", why: /shared\/ is the contract/ },
  { layer: 'shared', file: 'shared/x.ts', code: "import path from 'path';", why: /shared\/ is the contract/ },
  { layer: 'shared', file: 'shared/x.ts', code: "import { openLedger } from '../electron/core/open-ledger.js';", why: /shared\/ is the contract/ },
  { layer: 'shared', file: 'shared/x.ts', code: "import { useState } from 'react';", why: /shared\/ is the contract/ },
  { layer: 'core', file: 'electron/core/x.ts', code: "import { app } from 'electron';", why: /plain Node/ },
  { layer: 'core', file: 'electron/core/x.ts', code: "import { App } from '../../renderer/src/App.js';", why: /plain Node/ },
  { layer: 'core', file: 'electron/core/ledger/x.ts', code: "import { registerContract } from '../../main/ipc.js';", why: /plain Node/ },
  { layer: 'renderer', file: 'renderer/src/x.tsx', code: "import { openLedger } from '../../electron/core/open-ledger.js';", why: /talks only to window\.ledger/ },
  { layer: 'renderer', file: 'renderer/src/x.ts', code: "import { ipcRenderer } from 'electron';", why: /talks only to window\.ledger/ },
  { layer: 'renderer', file: 'renderer/src/x.ts', code: "import fs from 'node:fs';", why: /talks only to window\.ledger/ },
  { layer: 'renderer', file: 'renderer/src/x.ts', code: "import Database from 'better-sqlite3';", why: /talks only to window\.ledger/ },
  { layer: 'cli', file: 'electron/cli/x.ts', code: "import { app } from 'electron';", why: /face over the same core/ },
  { layer: 'preload', file: 'electron/preload/x.ts', code: "import { openLedger } from '../core/open-ledger.js';", why: /exposes exactly the contract/ },
  { layer: 'preload', file: 'electron/preload/x.ts', code: "import fs from 'node:fs';", why: /exposes exactly the contract/ },
  { layer: 'main', file: 'electron/main/x.ts', code: "import { App } from '../../renderer/src/App.js';", why: /must not import the renderer/ },
  { layer: 'main', file: 'electron/main/window.ts', code: "import { ipcMain } from 'electron';\nipcMain.handle('x', () => 1);", why: /Only electron\/main\/ipc\.ts/ },
  { layer: 'core', file: 'electron/core/x.ts', code: "import { ipcMain } from 'electron';", why: /Only electron\/main\/ipc\.ts/ },
  { layer: 'core', file: 'electron/core/ledger/x.ts', code: "import { fillDemoLedger } from '../../../scripts/demo/fill.js';", why: /developer tooling/ },
  { layer: 'cli', file: 'electron/cli/x.ts', code: "import { startTestHost } from '../../scripts/test-host/server.js';", why: /developer tooling/ },
  { layer: 'main', file: 'electron/main/x.ts', code: "import { generateIncidents } from '../../scripts/demo/generate.js';", why: /developer tooling/ },
];

describe('layer rules (DESIGN §2)', () => {
  it.each(cases)('$layer: refuses `$code` in $file', async ({ file, code, why }) => {
    const found = await problems(file, code);
    expect(found.some((p) => why.test(p)), found.join('\n')).toBe(true);
  });

  it.each([
    { file: 'shared/x.ts', code: "import { z } from 'zod';" },
    { file: 'electron/core/x.ts', code: "import { createHash } from 'node:crypto';\nimport { contract } from '../../shared/contract.js';" },
    { file: 'renderer/src/x.tsx', code: "import { contract } from '../../shared/contract.js';\nimport { useState } from 'react';" },
    { file: 'electron/cli/x.ts', code: "import { openLedger } from '../core/open-ledger.js';" },
    { file: 'electron/preload/x.ts', code: "import { contextBridge, ipcRenderer } from 'electron';\nimport { METHOD_NAMES } from '../../shared/contract.js';" },
    { file: 'electron/main/ipc.ts', code: "import { ipcMain } from 'electron';\nipcMain.handle('x', () => 1);" },
  ])('allows `$code` in $file', async ({ file, code }) => {
    expect(await problems(file, code)).toEqual([]);
  });
});
