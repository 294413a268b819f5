import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The dependency rule of CONVENTIONS.md, enforced: shared imports only zod; the renderer never
 * reaches Node, Electron or the back ends; core never imports `electron`; the preload sees only
 * `electron` and the contract; only electron/embedded may start the reference server in-process.
 */

/**
 * Bans on the import string itself, per layer: a breach is caught even before the imported
 * file exists, and without a resolver (tests/unit/lint proves each ban fires).
 */
const NODE = ['^node:', '^(fs|path|os|child_process|crypto|http|https|net|url|util|stream|zlib)$'];
const ELECTRON = ['^electron(/|$)'];
const BACKEND_PACKAGES = ['^better-sqlite3$', '^fastify', '^qrcode$'];
/** The dictionaries are checked in the back ends only (issue 3): 30 MB that must not ship in the page. */
const DICTIONARIES = ['^@zxcvbn-ts/'];
const reach = (layer) => `(^|/)(\\.\\./)+${layer}(/|$)`;

function layer(files, bans, message, ignores = []) {
  return { files, ignores, rules: { 'no-restricted-imports': ['error', { patterns: bans.map((regex) => ({ regex, message })) }] } };
}

/**
 * The storage port (issue 5, docs/storage.md): SQL lives in server/store/sqlite only; the rest
 * of the server sees server/store/store.ts. Only the entry points that pick the implementation
 * (startServer, the embedded server, the CLI) may import it.
 */
const SQLITE_IMPLEMENTATION = ['^better-sqlite3$', '(^|/)store/sqlite(/|$)', '^\\./sqlite(/|$)'];
const STORE_ENTRY_POINTS = ['server/store/sqlite/**', 'server/listen.ts', 'server/embedded.ts', 'server/cli/**'];
const SERVER_BANS = [...ELECTRON, reach('electron'), reach('renderer'), reach('tests')];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'tests/bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // The server's storage is asynchronous (docs/storage.md): a promise left unawaited would run
    // its statement after its transaction ended, or race the next request. Type-aware, so server only.
    files: ['server/**/*.ts', 'tests/integration/server/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  layer(['renderer/**'], [...NODE, ...ELECTRON, ...BACKEND_PACKAGES.slice(0, 2), ...DICTIONARIES, reach('electron'), reach('server'), reach('tests')], 'The renderer runs in a sandboxed page and talks only to window.kiosk: no Node, no Electron, no back end.'),
  layer(['shared/**'], ['^(?!zod$|\\.)', reach('electron'), reach('server'), reach('renderer'), reach('tests')], 'shared/ is pure: it imports only zod and itself.'),
  layer(['electron/core/**'], [...ELECTRON, reach('main'), reach('preload'), reach('browser'), reach('embedded'), reach('server'), reach('renderer'), reach('tests')], 'core is plain Node (tested without a binary): no electron, no shells, no server.'),
  layer(['electron/preload/**'], ['^(?!electron$|\\.\\./\\.\\./shared/contract/)'], 'The preload imports only electron and the contract.'),
  layer(['electron/main/**'], [reach('browser'), reach('server'), reach('renderer'), reach('tests')], 'The Electron shell binds core; it boots the server only through electron/embedded.'),
  layer(['electron/browser/**'], [...ELECTRON, reach('main'), reach('preload'), reach('server'), reach('renderer'), reach('tests')], 'The loopback shell binds core; it boots the server only through electron/embedded.'),
  layer(STORE_ENTRY_POINTS, SERVER_BANS, 'The reference server depends on shared only.'),
  layer(['server/**'], [...SERVER_BANS, ...SQLITE_IMPLEMENTATION], 'The reference server depends on shared only, and on storage through server/store/store.ts (no SQL outside server/store/sqlite).', STORE_ENTRY_POINTS),
);
