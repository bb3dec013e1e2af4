// ESLint (npm run lint, also in .ci/run): typescript-eslint's recommended rules, React's hook
// rules for the web app, and the engine's purity: no Node built-ins, no server or web-app code.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/node_modules/', '**/dist/', 'test-results/', 'data/', 'scratch/', 'coverage/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // Deliberate escapes (Kysely's generic row types, JSON Schema values) stay visible as
    // warnings; tests and the frozen migrations (Kysely<any> by rule) use `any` freely.
    rules: { '@typescript-eslint/no-explicit-any': 'warn' },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'server/db/migrations/*.ts', 'server/db/migrate.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['designer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The React Compiler rules of eslint-plugin-react-hooks 7 flag patterns the web app uses
      // widely (state set in effects, refs read while rendering); they are warnings until those
      // screens are reworked, as are unused values and dead stores there.
      'react-hooks/set-state-in-effect': 'warn',
      'react-hooks/refs': 'warn',
      'react-hooks/immutability': 'warn',
      'react-hooks/purity': 'warn',
      '@typescript-eslint/no-unused-vars': [
        'warn',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      'no-useless-assignment': 'warn',
    },
  },
  {
    files: ['engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^node:',
              message: 'engine/ is pure: no Node built-ins (it runs in the browser too).',
            },
            {
              regex: '(^|/)(server|designer|cli)(/|$)',
              message: 'engine/ must not import the server, the web app or the CLI.',
            },
          ],
          paths: ['fs', 'path', 'os', 'crypto', 'child_process', 'url', 'util', 'events'].map(
            (name) => ({ name, message: 'engine/ is pure: no Node built-ins.' }),
          ),
        },
      ],
    },
  },
);
