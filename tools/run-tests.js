#!/usr/bin/env node
// `npm test`: runs jest, then prints the closing line CI reads, `N passed, N failed`, after
// everything jest wrote (jest reports on stderr, so a reporter cannot guarantee it comes last).
const { spawnSync } = require('node:child_process');
const { mkdtempSync, readFileSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const dir = mkdtempSync(join(tmpdir(), 'tessera-jest-'));
const outputFile = join(dir, 'results.json');
const jest = require.resolve('jest/bin/jest');
const run = spawnSync(process.execPath, [jest, '--json', `--outputFile=${outputFile}`, ...process.argv.slice(2)], {
  stdio: ['ignore', 'ignore', 'inherit'],
});

let line = '0 passed, 1 failed';
try {
  const r = JSON.parse(readFileSync(outputFile, 'utf8'));
  // A suite that fails to load has no failing test of its own; count it so the line is honest.
  const failed = r.numFailedTests + r.numRuntimeErrorTestSuites;
  const skipped = r.numPendingTests + r.numTodoTests;
  line = `${r.numPassedTests} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : '');
} catch (error) {
  process.stderr.write(`could not read jest results: ${error.message}\n`);
}
rmSync(dir, { recursive: true, force: true });
process.stderr.write('\n');
process.stdout.write(`${line}\n`);
process.exit(run.status ?? 1);
