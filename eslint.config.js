import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The dependency rule of CONVENTIONS.md, enforced: shared imports only zod; the renderer never
 * reaches Node, Electron or the back ends; core never imports `electron`; the preload sees only
 * `electron` and the contract; only electron/embedded may start the reference server in-process.
 */
const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'url', 'util'];

const zones = [
  { target: './shared', from: ['./electron', './server', './renderer', './tests'], message: 'shared/ is pure: it imports nothing of the project but itself.' },
  { target: './renderer', from: ['./electron', './server', './tests'], message: 'The renderer talks only to window.kiosk.' },
  { target: './electron/core', from: ['./electron/main', './electron/preload', './electron/browser', './electron/embedded', './server', './renderer'], message: 'core is the plain-Node back end: it depends on shared only.' },
  { target: './electron/preload', from: ['./electron/core', './electron/main', './electron/browser', './electron/embedded', './server', './renderer'], message: 'The preload exposes the contract and nothing else.' },
  { target: './electron/main', from: ['./electron/browser', './server', './renderer'], message: 'The Electron shell binds core; it boots the server only through electron/embedded.' },
  { target: './electron/browser', from: ['./electron/main', './electron/preload', './server', './renderer'], message: 'The loopback shell binds core; it boots the server only through electron/embedded.' },
  { target: './server', from: ['./electron', './renderer'], message: 'The reference server depends on shared only.' },
  { target: ['./shared', './server', './electron', './renderer'], from: './tests', message: 'Nothing imports tests.' },
];

function restrict(patterns, message) {
  return { 'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }] };
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'tests/bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  ...svelte.configs['flat/recommended'],
  {
    plugins: { 'import-x': importX },
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: restrict([...NODE_BUILTINS, 'electron', 'electron/*', 'better-sqlite3', 'fastify*'], 'The renderer runs in a sandboxed page: no Node, no Electron, no back-end packages.'),
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(?!zod$|\\.)', message: 'shared/ imports only zod.' }] }],
    },
  },
  {
    files: ['electron/core/**'],
    rules: restrict(['electron', 'electron/*'], 'core is plain Node: no electron import (it is tested without a binary).'),
  },
  {
    files: ['electron/preload/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(?!electron$|\\.\\./\\.\\./shared/contract/)', message: 'The preload imports only electron and the contract.' }] }],
    },
  },
);
