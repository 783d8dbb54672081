import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { IPC_WHY, layerRules } from './eslint/layers.js';

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'native/**', 'node_modules/**', '.tsbuild/**', 'tmp/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          // Config files and plain-JS scripts sit outside the layer projects.
          allowDefaultProject: ['*.js', 'eslint/*.js', 'scripts/*.mjs', 'bin/*.js', 'build/*.cjs'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // electron-builder hooks (build/*.cjs) are CommonJS modules it require()s.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  ...layerRules,
  {
    // Issue 14.3: every panel heads itself through one component, so headings look and behave alike.
    files: ['renderer/**/*.tsx'],
    ignores: ['renderer/src/common/PanelHeading.tsx'],
    rules: {
      // Replaces layerRules' no-restricted-syntax for these files, so it carries its ipcMain selector too.
      'no-restricted-syntax': [
        'error',
        { selector: "ImportSpecifier[imported.name='ipcMain']", message: IPC_WHY },
        {
          selector: "JSXAttribute[name.name='className'][value.value=/(^| )panel-(title|head)( |$)/]",
          message: 'Head a panel with <PanelHeading id title> from renderer/src/common/PanelHeading.tsx (its buttons or counts as children).',
        },
      ],
    },
  },
  {
    // Issue 15: text is checked and normalised at every door, so the contract builds its text fields with one builder.
    files: ['shared/**/*.ts'],
    ignores: ['shared/text.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='z'][property.name='string']",
          message:
            'Build text fields with text() or nameText() from shared/text.ts: they refuse lone surrogates and control characters and normalise (NFC; names also lose invisible characters), so what is sealed is what is stored.',
        },
      ],
    },
  },
);
