import { randomUUID } from 'node:crypto';
import { makeTempDir, removeDir } from '@tessera/platform/testing/services';
import { createShow, GOOD_CARD, post } from '../box-office/box-office-client';
import { accessTokenFor, bearer } from '../support/auth';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Rotating JWT_SECRET and TICKET_SIGNING_KEY on a running deployment, as docs/operations.md
 * describes: restart with the new key signing and the old one listed for verification, later
 * restart without the old one. Tickets sold before the rotation still check in during it; once the
 * old key is removed, codes it signed no longer do, and the codes a holder fetches now are signed
 * with the new key. The same for access tokens.
 */

const OLD = { JWT_SECRET: `old-jwt-secret-${'x'.repeat(32)}`, TICKET_SIGNING_KEY: `old-ticket-key-${'y'.repeat(32)}` };
const NEW = { JWT_SECRET: `new-jwt-secret-${'x'.repeat(32)}`, TICKET_SIGNING_KEY: `new-ticket-key-${'y'.repeat(32)}` };
const ROTATING = { ...NEW, JWT_VERIFICATION_SECRETS: OLD.JWT_SECRET, TICKET_VERIFICATION_KEYS: OLD.TICKET_SIGNING_KEY };

describe('rotating JWT_SECRET and TICKET_SIGNING_KEY', () => {
  let dataDir: string;
  let server: TestApp | undefined;
  const fan = randomUUID();
  const staff = randomUUID();
  let oldCodes: string[] = [];
  let oldFanToken: string;

  const start = async (env: Record<string, string>): Promise<TestApp> => {
    await server?.close({ keepData: true });
    server = await startTestApp({ dataDir, env });
    return server;
  };
  const checkIn = async (app: TestApp, code: string) => post(`${app.url}/api/checkins`, await accessTokenFor(app, staff, ['staff']), { code });
  const myCodes = async (app: TestApp): Promise<string[]> => {
    const res = await fetch(`${app.url}/api/me/tickets`, { headers: bearer(await accessTokenFor(app, fan)) });
    return ((await res.json()) as { items: { code: string }[] }).items.map((ticket) => ticket.code).sort();
  };

  beforeAll(async () => {
    dataDir = await makeTempDir('rotation');
    const before = await start(OLD);
    const showId = await createShow(before.url, await accessTokenFor(before, randomUUID(), ['admin']));
    oldFanToken = await accessTokenFor(before, fan);
    const held = await post<{ bookingId: string }>(`${before.url}/api/bookings`, oldFanToken, { showId, seats: ['A-1-1', 'A-1-2', 'A-1-3'] });
    const paid = await post<{ tickets: { code: string }[] }>(`${before.url}/api/bookings/${held.body.bookingId}/payment`, oldFanToken, { card: GOOD_CARD });
    expect(paid.status).toBe(200);
    oldCodes = paid.body.tickets.map((ticket) => ticket.code);
  });

  afterAll(async () => {
    await server?.close({ keepData: true });
    await removeDir(dataDir);
  });

  it('during the rotation: tickets and tokens of the old key still work, new ones carry the new key', async () => {
    const rotating = await start(ROTATING);
    expect((await checkIn(rotating, oldCodes[0])).status).toBe(200);
    expect((await fetch(`${rotating.url}/api/me/tickets`, { headers: bearer(oldFanToken) })).status).toBe(200);
    const fresh = await myCodes(rotating);
    expect(fresh).toHaveLength(3);
    for (const code of fresh) expect(oldCodes).not.toContain(code);
    expect(new Set(fresh.map((code) => code.split('.')[1]))).not.toEqual(new Set(oldCodes.map((code) => code.split('.')[1])));
  });

  it('after it: the old key\'s codes and tokens are refused, the codes fetched since check in', async () => {
    const after = await start(NEW);
    const refused = await checkIn(after, oldCodes[1]);
    expect(refused.status).toBe(404);
    expect(refused.body).toMatchObject({ code: 'INVALID_TICKET' });
    expect((await fetch(`${after.url}/api/me/tickets`, { headers: bearer(oldFanToken) })).status).toBe(401);
    // The holder's codes as fetched now: the ticket scanned during the rotation is in already,
    // the two never scanned (one of them just refused with its old code) check in.
    const statuses = [];
    for (const code of await myCodes(after)) statuses.push((await checkIn(after, code)).status);
    expect(statuses.sort()).toEqual([200, 200, 409]);
  });
});
