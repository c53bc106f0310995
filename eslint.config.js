// @ts-check
import js from '@eslint/js';
import i18next from 'eslint-plugin-i18next';
import reactHooks from 'eslint-plugin-react-hooks';
import { readFileSync } from 'node:fs';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'url',
  'util',
  'stream',
  'worker_threads',
];

/** What shared/ may never import, wherever in it. */
const sharedPurity = [
  {
    group: ['react', 'react-dom', 'react/*', '@xyflow/*', 'zustand', 'zustand/*'],
    message: 'shared/ is pure: no React or UI state.',
  },
  { group: ['electron', 'electron/*'], message: 'shared/ is pure: no Electron.' },
  { group: nodeBuiltins, message: 'shared/ is pure: no Node built-ins.' },
  {
    group: ['**/renderer/**', '**/electron/**', '**/cli/**', '**/node/**'],
    message: 'Dependencies point into shared/, never out of it.',
  },
];

/** @type {string[][]} shared/'s folders, lowest floor first. */
const sharedFloors = JSON.parse(readFileSync(new URL('./shared/floors.json', import.meta.url), 'utf8')).floors;

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'dist-electron/',
      'release/',
      '.tsbuild/',
      'test-results/',
      'playwright-report/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  // shared/ is pure: it runs in the renderer, a worker, Node tests and the CLI alike.
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: sharedPurity }],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'shared/ is pure: no DOM.' },
        { name: 'document', message: 'shared/ is pure: no DOM.' },
        { name: 'process', message: 'shared/ is pure: no Node globals.' },
        { name: 'localStorage', message: 'shared/ is pure: go through the Host.' },
      ],
    },
  },
  // shared/ in floors (shared/floors.json): a folder imports from its own floor and those below.
  ...sharedFloors.flatMap((floor, level) =>
    floor.map((folder) => ({
      files: [`shared/${folder}/**/*.ts`],
      ignores: ['shared/**/*.test.ts'],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              ...sharedPurity,
              ...sharedFloors.slice(level + 1).flatMap((above, offset) =>
                above.map((upper) => ({
                  group: [`../${upper}`, `../${upper}/*`],
                  message: `shared/${folder}/ is on floor ${level} and cannot import shared/${upper}/ (floor ${level + 1 + offset}): see docs/architecture.md.`,
                })),
              ),
            ],
          },
        ],
      },
    })),
  ),
  // Generated code (RELIABILITY.md item 26): a user's text reaches a program only through the
  // escapers (typescriptString/Comment, pythonString/Comment), never as a raw interpolation.
  {
    files: [
      'shared/codegen/**/*.ts',
      'shared/data/recipes/**/*.ts',
      'shared/layers/**/*.ts',
      'shared/vocabulary/python.ts',
      'shared/vocabulary/code-text.ts',
    ],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          // `context.name` is the layer's name already written by the escaper (codegen/keras.ts).
          selector:
            "TemplateLiteral > MemberExpression[property.name=/^(name|from|text|label|id|columns)$/]:not([object.name='context'])",
          message:
            "A user's text goes into generated code through typescriptString/typescriptComment or pythonString/pythonComment.",
        },
        {
          selector: "CallExpression[callee.object.name='JSON'][callee.property.name='stringify']",
          message: 'JSON.stringify is not an escaper for code: use typescriptString or pythonString.',
        },
      ],
    },
  },
  // renderer → shared ← electron: the renderer never reaches Node or the main process.
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'The renderer reaches Electron only through the Host.' },
            { group: nodeBuiltins, message: 'The renderer runs in a sandbox: no Node built-ins.' },
            { group: ['**/electron/**', '**/cli/**'], message: 'The renderer depends on shared/ only.' },
          ],
        },
      ],
    },
  },
  // node/: what the Electron main process and the CLI share, on Node (files, atomic saves).
  {
    files: ['node/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/renderer/**', '**/electron/**', '**/cli/**', 'react', 'react-dom', 'electron'],
              message: 'node/ depends on shared/ only: the main process and the CLI both use it.',
            },
          ],
        },
      ],
    },
  },
  // Every word a learner reads comes from the locale files (renderer/src/i18n), in both languages.
  {
    files: ['renderer/src/**/*.tsx'],
    ignores: ['renderer/src/**/*.test.tsx'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          'jsx-attributes': {
            include: ['aria-label', 'ariaLabel', 'title', 'placeholder', 'alt', 'label', 'aria-description'],
          },
          message: 'A user-visible text: put it in renderer/src/i18n/en.json and es.json and use t().',
          // Symbols without a letter (✓, ␣, ▾) read the same in every language.
          words: { exclude: [/^[^\p{L}]*$/u] },
          callees: { exclude: ['t', 'formatShortcut', 'i18n(ext)?'] },
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/renderer/**', 'react', 'react-dom'], message: 'Main and preload depend on shared/ only.' },
          ],
        },
      ],
    },
  },
  {
    files: ['tests/**/*.ts', 'bench/**/*.ts', 'cli/**/*.ts', 'scripts/**/*.mjs', '*.config.ts', '**/*.test.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
);
