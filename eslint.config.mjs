// Lint rules, including the import boundaries of "one core, three shells":
//   shared/    imports nothing from electron/ or renderer/, no Node built-ins, no electron, no React
//   renderer/  imports only shared/ (and browser packages): no electron/, no Node built-ins
//   electron/core, web, cli, launcher: never import 'electron' (only electron/main and preload do)
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import globals from 'globals'
import { builtinModules } from 'node:module'

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)]

const noElectron = {
  name: 'electron',
  message: 'Only electron/main and electron/preload may import electron.',
}

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'tests/artifacts/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            noElectron,
            ...nodeBuiltins.map((name) => ({ name, message: 'shared/ is pure: no Node APIs.' })),
          ],
          patterns: [
            {
              group: ['**/electron/**', '**/renderer/**'],
              message: 'shared/ imports nothing outside itself.',
            },
            {
              group: ['react', 'react-dom', 'zustand', 'lowdb', 'jsdom'],
              message: 'shared/ is pure TypeScript.',
            },
          ],
        },
      ],
    },
  },
  {
    // Tests beside shared modules may read their fixtures from disk; the modules may not.
    files: ['shared/**/*.test.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            noElectron,
            ...nodeBuiltins.map((name) => ({ name, message: 'The renderer has no Node.' })),
          ],
          patterns: [
            {
              group: ['**/electron/**'],
              message: 'The renderer talks to the core only through shared/contract.',
            },
            {
              group: ['lowdb', 'jsdom', 'rss-parser'],
              message: 'Core libraries do not belong in the renderer.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'electron/core/**/*.ts',
      'electron/web/**/*.ts',
      'electron/cli/**/*.ts',
      'electron/launcher/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            {
              group: ['**/renderer/**', '**/main/**', '**/preload/**'],
              message: 'The core never depends on a shell.',
            },
          ],
        },
      ],
    },
  },
)
