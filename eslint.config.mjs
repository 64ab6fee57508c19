// Lint rules that guard the architecture (ARCHITECTURE §2): dependencies point one way and the
// domain stays pure. `npm run lint` fails on a violation.
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const root = dirname(fileURLToPath(import.meta.url));

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

/**
 * Apps never import each other (ARCHITECTURE §2): what two apps share lives in a lib
 * (libs/read-models holds what the projector writes and the query API reads). The one exception
 * is apps/standalone, which composes the others and may import their root modules only
 * (`apps/<app>/src/<name>.module.ts`). The rule covers every file under apps/, specs included: a
 * test that spans apps belongs in test/, which, like bench/, may import any app's internals to
 * drive or measure them. no-restricted-imports cannot say this: it matches the import string,
 * not where it leads, and never sees `import()` or `require()`. This rule resolves every
 * relative (or baseUrl `apps/…`) module specifier against the importing file instead.
 */
const appOf = (file) => {
  const [top, app] = relative(root, file).split(sep);
  return top === 'apps' && app ? app : undefined;
};

const appBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: "an app imports no other app's files (apps/standalone: their root modules only)" },
    messages: {
      otherApp: "apps/{{from}} imports apps/{{to}}'s internals ({{request}}): move what both need into a lib (libs/read-models, libs/platform).",
      standaloneModules: "apps/standalone imports only the apps' root modules (apps/{{to}}/src/*.module.ts), not {{request}}.",
    },
    schema: [],
  },
  create(context) {
    const from = appOf(context.filename);
    if (!from) return {};
    const check = (node) => {
      if (!node || node.type !== 'Literal' || typeof node.value !== 'string') return;
      const request = node.value;
      if (!request.startsWith('.') && !request.startsWith('apps/')) return;
      const target = request.startsWith('.') ? resolve(dirname(context.filename), request) : resolve(root, request);
      const to = appOf(target);
      if (!to || to === from) return;
      if (from === 'standalone') {
        const [, , src, file, ...deeper] = relative(root, target).split(sep);
        if (src === 'src' && deeper.length === 0 && /^[\w-]+\.module(\.ts)?$/.test(file ?? '')) return;
        context.report({ node, messageId: 'standaloneModules', data: { to, request } });
        return;
      }
      context.report({ node, messageId: 'otherApp', data: { from, to, request } });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      TSImportType: (node) => check(node.argument?.type === 'TSLiteralType' ? node.argument.literal : node.argument),
      TSExternalModuleReference: (node) => check(node.expression),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') check(node.arguments[0]);
        if (node.callee.type === 'MemberExpression' && node.callee.object.name === 'require' && node.callee.property.name === 'resolve') check(node.arguments[0]);
      },
    };
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'apps/web/src/lib/api/openapi.d.ts', 'coverage/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['apps/**/*.ts'],
    plugins: { tessera: { rules: { 'app-boundaries': appBoundaries } } },
    rules: { 'tessera/app-boundaries': 'error' },
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
    files: ['libs/platform/**/*.ts', 'libs/read-models/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/apps/**', '@tessera/web'], message: 'libs/platform and libs/read-models never depend on an app.' }] }],
    },
  },
  {
    // The web app is a client of the public HTTP API like any other (ARCHITECTURE §6): it imports
    // nothing of the server's, only its generated OpenAPI types; and React's rules of hooks hold.
    files: ['apps/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [{ group: ['@tessera/*', '**/libs/**', '**/apps/*/src/**', '!@/**'], message: 'apps/web talks to the server through the HTTP API only: use the OpenAPI types (src/lib/api/openapi.d.ts).' }] }],
    },
  },
);
