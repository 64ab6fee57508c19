import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../support/processes';

/** The lint rule that keeps libs/domain pure (eslint.config.mjs) must really fire. */
const lintAs = (filename: string, source: string) => {
  const result = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--stdin', '--stdin-filename', filename, '--format', 'json'], {
    cwd: ROOT,
    input: source,
    encoding: 'utf8',
  });
  const [report] = JSON.parse(result.stdout) as { messages: { ruleId: string | null; message: string }[] }[];
  return report.messages;
};

describe('the domain purity rule', () => {
  it.each([
    ["import { Injectable } from '@nestjs/common';", /no framework or driver/],
    ["import { MongoClient } from 'mongodb';", /no framework or driver/],
    ["import { readFileSync } from 'node:fs';", /does no I\/O/],
    ["import { randomUUID } from 'crypto';", /does no I\/O/],
    ["import { EventStore } from '@tessera/platform';", /depends on libs\/contracts only/],
    ['export const now = () => Date.now();', /reads no clock/],
    ['export const now = () => new Date();', /reads no clock/],
    ['export const id = () => Math.random();', /no randomness/],
    ['export const env = () => process.env.X;', /reads no environment/],
  ])('refuses %s in libs/domain', (source, message) => {
    const messages = lintAs('libs/domain/src/fixture.ts', `${source}\n`);
    expect(messages.map((m) => m.message).join('\n')).toMatch(message);
  });

  it('allows the same code outside the domain, and pure code inside it', () => {
    expect(lintAs('libs/platform/src/fixture.ts', "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n")).toEqual([]);
    expect(lintAs('libs/domain/src/fixture.ts', "import type { DomainEvent } from '@tessera/contracts';\nexport const at = (iso: string): number => new Date(iso).getTime();\nexport type E = DomainEvent;\n")).toEqual([]);
  });
});
