// One ESLint config for every workspace (shared, server, client, tests, bench). Type-aware rules
// come from each folder's own tsconfig (typescript-eslint's project service), so a rule sees the
// same types `npm run typecheck` does.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'test-output/**', 'coverage/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['*.js', '*.mjs', 'scripts/*.mjs', 'vitest.config.ts'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_`-prefixed names mark what a destructuring leaves out on purpose (`const { id: _id, ...rest }`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // The SQLite store answers the async EventStore interface synchronously (better-sqlite3 is
      // synchronous); `async` there is the interface's shape, not a forgotten await.
      '@typescript-eslint/require-await': 'off',
      // React event handlers may be async; each one reports its own failure (toast or inline error).
      // Promises passed anywhere else must still be handled.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    // Tests read JSON bodies and socket payloads from a real server: those values are `any` by
    // nature and each test asserts their shape, so the no-unsafe-* family only adds noise there.
    files: ['tests/**/*.ts', '**/*.test.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      // ...and tests that break a parsed document on purpose edit it as `any`.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['client/src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
    rules: {
      ...reactHooks.configs.flat['recommended-latest'].rules,
      // Written for the React Compiler, which this project does not use: it reads dnd-kit's
      // `setNodeRef` callbacks as ref reads and forbids the "latest value" ref the editors keep.
      'react-hooks/refs': 'off',
      // A zustand selector must return a stored value, not a new object or array on each call: a
      // fresh value every render re-renders forever (it blanked the Goals tab once). Build derived
      // values with useMemo over selected parts, or select with `useShallow`.
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.name=/^use\\w*(Store|View)$/] > ArrowFunctionExpression > :matches(ObjectExpression, ArrayExpression, CallExpression[callee.property.name=/^(map|filter|slice|concat|flatMap|entries|values|keys|sort|toSorted)$/], CallExpression[callee.object.name="Object"][callee.property.name=/^(entries|values|keys|fromEntries|assign)$/])',
          message:
            'This selector builds a new value on every call, so the component re-renders forever: select stored values and derive with useMemo, or use useShallow.',
        },
      ],
    },
  },
  {
    files: ['client/src/**/*.{ts,tsx}'],
    ...jsxA11y.flatConfigs.recommended,
    languageOptions: { ...jsxA11y.flatConfigs.recommended.languageOptions, globals: { ...globals.browser } },
    rules: {
      ...jsxA11y.flatConfigs.recommended.rules,
      // autoFocus is used only where focus must move: the first control of a dialog that just opened
      // (the WAI-ARIA dialog pattern) and an editor the user just asked for. Never on page load.
      'jsx-a11y/no-autofocus': 'off',
    },
  },
  {
    // shared/ is a package with doors (package.json "exports": the index, and subpaths kept apart
    // for download size or worker threads); nothing outside it reaches into its files.
    files: ['server/**/*.ts', 'client/**/*.{ts,tsx}', 'tests/**/*.ts', 'bench/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/shared/src/**'], message: "Import '@world-cafe/shared' (or one of its subpaths) instead." }] },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
