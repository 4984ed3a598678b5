// @ts-check
/**
 * One lint pass for the whole monorepo, run by `npm test` before the suites. TypeScript is linted with
 * type information (floating promises and non-exhaustive switches are bugs here), plain JS (scripts,
 * bench, configs) with the core rules only.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const TEST_FILES = [
  'test/**/*.ts',
  '**/*.spec.ts',
  '**/*.fixtures.ts',
  'web/src/**/*.test.{ts,tsx}',
  'web/src/test/**/*.{ts,tsx}',
];

// `npm test` fails only on errors, so a finding worth reporting (stale effect dependencies above all) is one.
const reactHooksRules = Object.fromEntries(
  Object.entries(reactHooks.configs.flat.recommended.rules ?? {}).map(([rule, level]) => [rule, level === 'warn' ? 'error' : level]),
);

export default defineConfig(
  globalIgnores([
    '**/dist/**',
    '**/node_modules/**',
    'coverage/**',
    'data/**',
    'test/artifacts/**',
    // Generated from the API's OpenAPI document by openapi-typescript.
    'web/src/api/openapi.d.ts',
  ]),
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        // Every TS file belongs to one of these: the server side (apps, libs, test, ormconfig) or the
        // dashboard (web). libs/coupons/tsconfig.json only builds the library and skips its specs.
        project: ['./tsconfig.json', './web/tsconfig.json'],
        tsconfigRootDir: dirname(fileURLToPath(import.meta.url)),
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      // `const { dropped: _, ...rest } = x` is how the code omits a field; `_arg` marks a required but unused parameter.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // The suites read raw JSON wire bodies (ApiResponse's body defaults to `any` on purpose): the expected
    // literal in each assertion is the type check, so typing every body would only restate the assertions.
    files: TEST_FILES,
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.{js,cjs,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooksRules,
      // `onSubmit={async (e) => ...}` is the React idiom; the handlers catch their own errors.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    files: ['apps/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/api/src', '**/api/src/**'],
              message: 'Import the API through the #api/* alias (package.json "imports"), not a relative path.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['libs/coupons/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/apps/**', '\\#api/**'],
              message: 'The domain library stands alone: it must not depend on the applications.',
            },
          ],
        },
      ],
    },
  },
);
