// Runs this repo's TypeScript under plain node, for child processes that tests spawn (servers,
// crash-test writers): `node --require ./tools/swc-register.js some/file.ts`. It transpiles each
// .ts file with @swc/core using the same options as jest.config.js (no type checking) and maps the
// @tessera/* path aliases of tsconfig.json onto libs/*/src.
const Module = require('node:module');
const fs = require('node:fs');
const path = require('node:path');
const { transformSync } = require('@swc/core');

const root = path.resolve(__dirname, '..');
const alias = /^@tessera\/(domain|contracts|platform|read-models)(\/.*)?$/;

const swcOptions = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true, dynamicImport: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
  swcrc: false,
  configFile: false,
};

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolveWithAliases(request, ...rest) {
  const match = alias.exec(request);
  const target = match ? path.join(root, 'libs', match[1], 'src', match[2] ?? '') : request;
  return resolveFilename.call(this, target, ...rest);
};

// Registering the extension also lets require() find `./file` as file.ts and a folder's index.ts.
Module._extensions['.ts'] = function compileTypeScript(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = transformSync(source, { ...swcOptions, filename });
  module._compile(code, filename);
};

process.setSourceMapsEnabled(true);
