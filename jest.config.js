// One jest run for the whole monorepo. @swc/jest transpiles (decorator metadata included);
// type checking is `npm run typecheck`, so tests start fast on a 2-core machine.
const swcConfig = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

/** @type {import('jest').Config} */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.e2e-spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '<rootDir>/apps/web/'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', swcConfig],
    // jose 6 ships ESM only; jest's CommonJS runtime on Node 20 cannot require it untransformed.
    // aedes 1 is ESM only as well (the embedded MQTT broker).
    '^.+/node_modules/(jose|aedes)/.+\\.js$': ['@swc/jest', swcConfig],
  },
  transformIgnorePatterns: ['/node_modules/(?!(jose|aedes)/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@tessera/(domain|contracts|platform|read-models)$': '<rootDir>/libs/$1/src',
    '^@tessera/(domain|contracts|platform|read-models)/(.*)$': '<rootDir>/libs/$1/src/$2',
  },
  testTimeout: 30000,
  maxWorkers: process.env.CI ? 2 : '50%',
  globalSetup: '<rootDir>/tools/jest-global-setup.js',

};
