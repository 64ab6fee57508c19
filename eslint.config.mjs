// Lint rules that guard the architecture (ARCHITECTURE §2): dependencies point one way and the
// domain stays pure. `npm run lint` fails on a violation.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const impureModules = [
  { group: ['@nestjs/*', 'mongodb', 'ioredis', 'redlock', '@sesamecare-oss/*', '@kurrent/*', '@eventstore/*', 'mqtt', 'nodemailer', 'argon2', 'jose'], message: 'libs/domain is pure: no framework or driver.' },
  { group: ['fs', 'node:fs', 'fs/*', 'node:fs/*', 'crypto', 'node:crypto', 'child_process', 'node:child_process', 'net', 'node:net', 'http', 'node:http'], message: 'libs/domain does no I/O and makes no ids: they arrive in the command.' },
  { group: ['@tessera/platform', '@tessera/platform/*', '**/platform/**', '**/apps/**'], message: 'libs/domain depends on libs/contracts only.' },
];

const clockAndRandom = [
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'libs/domain reads no clock: take the time from the command.' },
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'libs/domain reads no clock: take the time from the command.' },
  { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'libs/domain uses no randomness: ids arrive in the command.' },
  { selector: "CallExpression[callee.property.name='randomUUID']", message: 'libs/domain makes no ids: they arrive in the command.' },
  { selector: "MemberExpression[object.name='process']", message: 'libs/domain reads no environment.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'apps/web/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['libs/domain/**/*.ts'],
    ignores: ['libs/domain/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: impureModules }],
      'no-restricted-syntax': ['error', ...clockAndRandom],
      'no-restricted-globals': ['error', { name: 'crypto', message: 'libs/domain makes no ids.' }, { name: 'fetch', message: 'libs/domain does no I/O.' }, { name: 'setTimeout', message: 'libs/domain has no timers.' }],
    },
  },
  {
    files: ['libs/contracts/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@tessera/platform', '@tessera/platform/*', '@tessera/domain', '@tessera/domain/*', '**/apps/**'], message: 'libs/contracts is the public language: it depends on nothing of ours.' }] }],
    },
  },
  {
    files: ['libs/platform/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/apps/**', '@tessera/web'], message: 'libs/platform never depends on an app.' }] }],
    },
  },
);
