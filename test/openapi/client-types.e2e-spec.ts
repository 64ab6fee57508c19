import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { makeTempDir, removeDir } from '@tessera/platform/testing/services';
import ts from 'typescript';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Clients generate their types from GET /openapi.json (the README's command): openapi-typescript
 * turns the served document into `paths`/`components`, and a client written against them
 * type-checks, while one that expects an answer the document does not promise does not.
 */

const run = promisify(execFile);
// The package's exports hide its bin; it is where npm installs it.
const CLI = join(__dirname, '..', '..', 'node_modules', 'openapi-typescript', 'bin', 'cli.js');

const CLIENT = `
import type { components, paths } from './client';
type Pay = paths['/api/bookings/{bookingId}/payment']['post'];
export const body: Pay['requestBody'] extends { content: { 'application/json': infer B } } ? B : never = {
  card: { number: '4242424242424242', expMonth: 12, expYear: 2035, cvc: '123' },
};
export const paid: Pay['responses'][200]['content']['application/json'] = { bookingId: 'b', status: 'confirmed', tickets: [], position: '7' };
export const declined: Pay['responses'][402]['content']['application/problem+json']['code'] = 'CARD_EXPIRED';
export const held: components['schemas']['PlaceBookingResponse']['status'] = 'held';
export const cursor: components['schemas']['ShowListResponse']['nextCursor'] = null;
`;

/** One mistake per line, each of which the generated types must refuse. */
const MISTAKES: [string, string][] = [
  ['a code the route does not answer at that status', `export const wrongCode: Pay['responses'][402]['content']['application/problem+json']['code'] = 'SEATS_UNAVAILABLE';`],
  ['a status value the schema does not allow', `export const wrongStatus: components['schemas']['PayBookingResponse']['status'] = 'held';`],
  ['a response status the route does not document', `export const noSuchStatus: Pay['responses'][418] = {} as never;`],
  ['a request field the DTO does not have', `export const extraField: Pay['requestBody'] extends { content: { 'application/json': infer B } } ? B : never = { card: { number: '1', expMonth: 1, expYear: 2030, cvc: '123' }, coupon: 'x' };`],
];

const diagnosticsOf = (dir: string, source: string): string[] => {
  const file = join(dir, 'use.ts');
  const host = ts.createCompilerHost({});
  const read = host.readFile.bind(host);
  host.readFile = (name) => (name === file ? source : read(name));
  const program = ts.createProgram([file], { strict: true, noEmit: true, skipLibCheck: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, types: [] }, host);
  return ts.getPreEmitDiagnostics(program).map((d) => `${d.file ? d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1 : '?'}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
};

describe('client types generated from the OpenAPI document', () => {
  let server: TestApp;
  let dir: string;

  beforeAll(async () => {
    server = await startTestApp();
    dir = await makeTempDir('openapi-client');
    await run(process.execPath, [CLI, `${server.url}/openapi.json`, '-o', join(dir, 'client.d.ts')], { timeout: 60_000 });
  }, 90_000);

  afterAll(async () => {
    await server.close();
    await removeDir(dir);
  });

  it('type-check a client written against them, and refuse one that expects what the document does not promise', () => {
    expect(diagnosticsOf(dir, CLIENT)).toEqual([]);
    const source = [CLIENT, ...MISTAKES.map(([, line]) => line)].join('\n');
    const lines = source.split('\n');
    const refused = new Set(diagnosticsOf(dir, source).map((diagnostic) => Number(diagnostic.split(':')[0])));
    const accepted = MISTAKES.filter(([, line]) => !refused.has(lines.indexOf(line) + 1)).map(([mistake]) => mistake);
    expect(accepted).toEqual([]);
  });
});
