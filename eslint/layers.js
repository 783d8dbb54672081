// The layer rules of DESIGN §2, as ESLint configs. Kept apart from eslint.config.js so tests/lint can prove
// that each rule fires on a forbidden import.

const NODE_BUILTINS = [
  'assert', 'buffer', 'child_process', 'crypto', 'dns', 'events', 'fs', 'fs/promises', 'http', 'https', 'module',
  'net', 'os', 'path', 'process', 'stream', 'timers', 'tls', 'url', 'util', 'v8', 'vm', 'worker_threads', 'zlib',
];

const noNode = (why) => [
  { group: ['node:*'], message: why },
  ...NODE_BUILTINS.map((name) => ({ regex: `^${name.replace('/', '\\/')}$`, message: why })),
];

const SHARED_WHY =
  'shared/ is the contract and runs in both the renderer and Node: it may import only libraries that run everywhere (zod, date logic) — no Node built-ins, no Electron, no React, nothing from electron/ or renderer/ (DESIGN §2).';
const CORE_WHY =
  'electron/core is the domain and must run under plain Node (tests, CLI, worker): it knows nothing of Electron, React, the renderer, or the main/preload/cli faces that sit on top of it (DESIGN §2).';
const RENDERER_WHY =
  'renderer/ talks only to window.ledger, typed by shared/: it never imports electron/ code, Electron, SQLite or Node built-ins, so the UI can never bypass the contract (DESIGN §2).';
const CLI_WHY =
  'electron/cli is a face over the same core as the app: it may use electron/core and shared/, but not Electron, React or the renderer, and holds no domain logic of its own (DESIGN §2).';
const PRELOAD_WHY =
  'electron/preload exposes exactly the contract as window.ledger: it may use Electron\'s contextBridge/ipcRenderer and shared/, nothing else — no core, no Node built-ins (DESIGN §2).';
const MAIN_WHY =
  'electron/main relays to the core and owns the window: it must not import the renderer or React (DESIGN §2).';
const TOOLING_WHY =
  'scripts/ is developer tooling (the bench, the demo generator, the browser-test host): the product never imports it, so none of it ships in the app or yq (DESIGN §2).';
const noTooling = { regex: '(^|/)scripts/', message: TOOLING_WHY };
export const IPC_WHY =
  'Only electron/main/ipc.ts may touch ipcMain: every call must pass the one registration function that checks the sender and parses input with the contract schema (DESIGN §2).';

export const layerRules = [
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...noNode(SHARED_WHY),
            { group: ['electron', 'better-sqlite3', 'react', 'react-dom', 'react/*', 'zustand'], message: SHARED_WHY },
            { regex: '(^|/)(electron|renderer)/', message: SHARED_WHY },
            noTooling,
          ],
        },
      ],
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'react', 'react-dom', 'react/*', 'zustand'], message: CORE_WHY },
            { regex: '(^|/)renderer/', message: CORE_WHY },
            { regex: '(^|/)(main|preload|cli)/', message: CORE_WHY },
            noTooling,
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...noNode(RENDERER_WHY),
            { group: ['electron', 'electron/*', 'better-sqlite3'], message: RENDERER_WHY },
            { regex: '(^|/)electron/', message: RENDERER_WHY },
            noTooling,
          ],
        },
      ],
    },
  },
  {
    files: ['electron/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'react', 'react-dom', 'react/*', 'zustand'], message: CLI_WHY },
            { regex: '(^|/)(renderer|main|preload)/', message: CLI_WHY },
            noTooling,
          ],
        },
      ],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...noNode(PRELOAD_WHY),
            { group: ['better-sqlite3', 'react', 'react-dom'], message: PRELOAD_WHY },
            { regex: '(^|/)(core|main|cli|renderer)/', message: PRELOAD_WHY },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/main/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', 'react/*', 'zustand'], message: MAIN_WHY },
            { regex: '(^|/)renderer/', message: MAIN_WHY },
            noTooling,
          ],
        },
      ],
    },
  },
  {
    files: ['electron/main/**/*.ts'],
    ignores: ['electron/main/ipc.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='ipcMain']", message: IPC_WHY },
        { selector: "MemberExpression[object.property.name='ipcMain'][property.name=/^(handle|on|once)$/]", message: IPC_WHY },
      ],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['electron/main/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "ImportSpecifier[imported.name='ipcMain']", message: IPC_WHY },
      ],
    },
  },
];
