#!/usr/bin/env node
// Completes package-lock.json with the optional, platform-specific binaries of other machines
// (macOS, Windows, other Linux CPUs) that this workplace's registry mirror does not serve: npm
// leaves them out of the lock when it cannot resolve them, and then `npm ci` refuses the lock
// as out of sync. Each entry gets the exact version its parent pins and the os/cpu named in
// the package name, without a tarball address: on a matching machine npm resolves it from the
// registry as usual; on any other it is skipped. Run after changing dependencies:
//   npm run lock:complete
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const path = join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(readFileSync(path, 'utf8'));
const OS = ['darwin', 'win32', 'linux', 'android', 'freebsd', 'openharmony', 'netbsd', 'openbsd', 'sunos', 'aix'];
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'ppc64', 's390x', 'riscv64', 'loong64', 'wasm32'];

const platformOf = (name) => {
  const parts = name.split('/').pop().split('-');
  const os = OS.find((candidate) => parts.includes(candidate));
  const cpu = CPU.find((candidate) => parts.includes(candidate) || (candidate === 'arm' && parts.includes('arm')));
  return { os, cpu };
};

let added = 0;
for (const [location, entry] of Object.entries(lock.packages)) {
  for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${location ? `${location}/` : ''}node_modules/${name}`;
    if (lock.packages[nested] || lock.packages[`node_modules/${name}`]) continue;
    if (!/^\d+\.\d+\.\d+/.test(spec)) continue; // only exact pins can be written without resolving
    const { os, cpu } = platformOf(name);
    lock.packages[`node_modules/${name}`] = {
      version: spec,
      ...(cpu ? { cpu: [cpu] } : {}),
      dev: entry.dev || undefined,
      optional: true,
      ...(os ? { os: [os] } : {}),
    };
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
process.stdout.write(`complete-lockfile: added ${added} optional platform entries\n`);
