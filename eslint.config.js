// Lint, including the layering of DESIGN §1 ("do not relax these rules"): shared/ imports
// nothing of node, electron or the DOM; renderer/ only shared/; only main/app imports
// electron; services never import a face (app, web, cli).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'http', 'https', 'crypto', 'child_process', 'stream', 'stream/*', 'url', 'util', 'zlib', 'net', 'worker_threads', 'events', 'buffer'];
const restrict = (groups, message) => ({ group: groups, message });

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', 'release/', 'coverage/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-control-regex': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          restrict(NODE_BUILTINS, 'shared/ is pure TypeScript for both sides: no node built-ins.'),
          restrict(['electron', 'better-sqlite3', 'react', 'react-dom', 'zustand'], 'shared/ takes only neutral packages.'),
          restrict(['**/main/**', '**/renderer/**', '../main', '../renderer'], 'shared/ imports nothing of ours.'),
        ],
      }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/**/*.test.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          restrict(NODE_BUILTINS, 'renderer/ runs in the page: no node.'),
          restrict(['electron', 'better-sqlite3'], 'renderer/ sees only the API contract.'),
          restrict(['**/main/**', '../main', '../../main'], 'renderer/ imports only shared/.'),
        ],
      }],
      // zod and the modules that build schemas with it stay out of the page's bundle (most of
      // its size); their types are welcome. Values come from shared/api/methods.ts and fields.ts.
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [{
          group: ['zod', '**/shared/api/contract', '**/shared/api/applications', '**/shared/ats/events'],
          allowTypeImports: true,
          message: 'the page imports only types from the contract and its schema modules (zod stays out of the bundle).',
        }],
      }],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/app/**'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          restrict(['electron'], 'only main/app/ imports electron: the core runs under plain Node.'),
          restrict(['**/renderer/**'], 'main/ never imports the renderer.'),
        ],
      }],
    },
  },
  {
    files: ['main/db/**/*.ts', 'main/sync/**/*.ts', 'main/attachments/**/*.ts', 'main/export/**/*.ts', 'main/api/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          restrict(['electron'], 'only main/app/ imports electron: the core runs under plain Node.'),
          restrict(['**/renderer/**'], 'main/ never imports the renderer.'),
          restrict(['**/app/**', '**/web/**', '**/cli', '**/cli.js', '**/cli/**'], 'services never import a face (app, web, cli).'),
        ],
      }],
    },
  },
  {
    files: ['main/app/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': ['error', { patterns: [restrict(['**/renderer/**'], 'main/ never imports the renderer.')] }],
    },
  },
  {
    // Tests poke at parsed JSON of every shape; typing each one would only add noise.
    files: ['**/*.test.ts', 'main/testing/**/*.ts', 'e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['e2e/**/*.ts', '*.config.{js,ts}'],
    languageOptions: { globals: globals.node },
  },
);
