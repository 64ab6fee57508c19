import { ticketStream } from '@tessera/contracts';
import { accessTokenFor, bearer } from '../support/auth';
import { startTestApp, TestApp } from '../support/test-app';
import { BoxOfficeLog } from './box-office-log';

/** Ticket transfer and check-in against a started server (API.md, Bookings and tickets). */
describe('tickets: transfer and check-in', () => {
  let server: TestApp;
  let log: BoxOfficeLog;
  let showId: string;
  let staff: string;
  let nextSeat = 1;

  const post = (path: string, token: string | undefined, body: unknown) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? bearer(token) : {}) },
      body: JSON.stringify(body),
    });
  /** Response bodies are JSON objects; the assertions say what is in them. */
  const json = async (res: Response): Promise<Record<string, string>> => (await res.json()) as Record<string, string>;
  const checkIn = (code: string, token = staff) => post('/api/checkins', token, { code });
  const transfer = (ticketId: string, token: string, toEmail: string) => post(`/api/tickets/${ticketId}/transfer`, token, { toEmail });

  /** A fresh owner with one paid ticket. */
  const ownerWithTicket = async () => {
    const email = `owner-${nextSeat}@example.com`;
    const userId = await log.account(email);
    const { tickets } = await log.paid(showId, userId, [`A-1-${nextSeat++}`]);
    return { userId, email, token: await accessTokenFor(server, userId), ticket: tickets[0] };
  };

  beforeAll(async () => {
    server = await startTestApp();
    log = new BoxOfficeLog(server);
    showId = await log.showOnSale(40);
    staff = await accessTokenFor(server, 'staff-1', ['staff']);
  });

  afterAll(async () => {
    await server?.close();
  });

  it('checks a ticket in: 200 with the seat, the time and the position', async () => {
    const { ticket } = await ownerWithTicket();
    const res = await checkIn(ticket.code);
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body).toEqual({
      ticketId: ticket.ticketId,
      showId,
      seatId: ticket.seatId,
      checkedInAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      position: expect.stringMatching(/^\d+$/),
    });
    expect(res.headers.get('x-position')).toBe(body.position);
    expect(await log.typesOf(ticketStream(ticket.ticketId))).toEqual(['ticket.issued.v1', 'ticket.checked-in.v1']);
  });

  it('admits a code exactly once under 20 concurrent scans', async () => {
    const { ticket } = await ownerWithTicket();
    const scanners = await Promise.all(Array.from({ length: 20 }, (_, i) => accessTokenFor(server, `gate-${i}`, ['staff'])));
    const answers = await Promise.all(scanners.map(async (token) => {
      const res = await checkIn(ticket.code, token);
      return { status: res.status, code: ((await res.json()) as { code?: string }).code };
    }));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status !== 200)).toEqual(Array(19).fill({ status: 409, code: 'ALREADY_CHECKED_IN' }));
    expect((await log.typesOf(ticketStream(ticket.ticketId))).filter((t) => t === 'ticket.checked-in.v1')).toHaveLength(1);
  });

  it('answers a second scan with 409 ALREADY_CHECKED_IN', async () => {
    const { ticket } = await ownerWithTicket();
    expect((await checkIn(ticket.code)).status).toBe(200);
    const again = await checkIn(ticket.code);
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ code: 'ALREADY_CHECKED_IN' });
  });

  it('refuses forged, altered and unknown codes with 404 INVALID_TICKET, writing nothing', async () => {
    const { ticket } = await ownerWithTicket();
    const [prefix, ticketId, version, signature] = ticket.code.split('.');
    const flipped = `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;
    const forged = [
      `${prefix}.${ticketId}.${version}.${flipped}`,
      `${prefix}.${ticketId}.2.${signature}`,
      `${prefix}.${ticketId.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'))}.${version}.${signature}`,
      'not-a-code',
      log.codes.sign({ ticketId: '00000000-0000-4000-8000-000000000000', version: 1 }),
    ];
    for (const code of forged) {
      const res = await checkIn(code);
      expect({ code, status: res.status }).toEqual({ code, status: 404 });
      expect(await res.json()).toMatchObject({ code: 'INVALID_TICKET' });
    }
    expect(await log.typesOf(ticketStream(ticket.ticketId))).toEqual(['ticket.issued.v1']);
  });

  it('lets only staff and admins check in', async () => {
    const { ticket, token } = await ownerWithTicket();
    const asOwner = await checkIn(ticket.code, token);
    expect(asOwner.status).toBe(403);
    expect(await asOwner.json()).toMatchObject({ code: 'FORBIDDEN' });
    expect((await post('/api/checkins', undefined, { code: ticket.code })).status).toBe(401);
    expect((await checkIn(ticket.code, await accessTokenFor(server, 'admin-1', ['admin']))).status).toBe(200);
  });

  it('transfers a ticket: the new owner gets a new code, and the old code stops working', async () => {
    const owner = await ownerWithTicket();
    const friendId = await log.account('friend@example.com');
    const res = await transfer(owner.ticket.ticketId, owner.token, 'Friend@Example.COM');
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body).toEqual({ ticketId: owner.ticket.ticketId, ownerId: friendId, code: expect.any(String), position: expect.stringMatching(/^\d+$/) });
    expect(res.headers.get('x-position')).toBe(body.position);
    expect(body.code).not.toBe(owner.ticket.code);

    const old = await checkIn(owner.ticket.code);
    expect(old.status).toBe(404);
    expect(await old.json()).toMatchObject({ code: 'INVALID_TICKET' });
    expect((await checkIn(body.code)).status).toBe(200);
  });

  it('answers 404 for another user\'s ticket, exactly as for a missing one (BOLA)', async () => {
    const owner = await ownerWithTicket();
    const intruder = await ownerWithTicket();
    const stolen = await transfer(owner.ticket.ticketId, intruder.token, intruder.email);
    const missing = await transfer('00000000-0000-4000-8000-000000000000', intruder.token, intruder.email);
    expect(stolen.status).toBe(404);
    expect(missing.status).toBe(404);
    const [stolenBody, missingBody] = [await json(stolen), await json(missing)];
    expect(stolenBody.code).toBe('TICKET_NOT_FOUND');
    expect(missingBody.code).toBe('TICKET_NOT_FOUND');
    // The same answer whether or not the e-mail is known: the 404 must not reveal the ticket.
    expect((await json(await transfer(owner.ticket.ticketId, intruder.token, 'nobody@example.com'))).code).toBe('TICKET_NOT_FOUND');
    expect(await log.typesOf(ticketStream(owner.ticket.ticketId))).toEqual(['ticket.issued.v1']);
  });

  it('refuses a transfer to its own owner with 409 INVALID_TICKET_STATE, and to an unknown e-mail with 404', async () => {
    const owner = await ownerWithTicket();
    const self = await transfer(owner.ticket.ticketId, owner.token, owner.email.toUpperCase());
    expect(self.status).toBe(409);
    expect(await self.json()).toMatchObject({ code: 'INVALID_TICKET_STATE' });
    const unknown = await transfer(owner.ticket.ticketId, owner.token, 'nobody-here@example.com');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: 'USER_NOT_FOUND' });
  });

  it('no longer lets the previous owner transfer, and refuses to transfer a used ticket', async () => {
    const owner = await ownerWithTicket();
    const next = await ownerWithTicket();
    expect((await transfer(owner.ticket.ticketId, owner.token, next.email)).status).toBe(200);
    expect((await transfer(owner.ticket.ticketId, owner.token, next.email)).status).toBe(404);

    expect((await checkIn(next.ticket.code)).status).toBe(200);
    const used = await transfer(next.ticket.ticketId, next.token, owner.email);
    expect(used.status).toBe(409);
    expect(await used.json()).toMatchObject({ code: 'INVALID_TICKET_STATE' });
  });

  it('rejects malformed bodies and path ids with 400 and 404', async () => {
    const owner = await ownerWithTicket();
    expect((await post(`/api/tickets/${owner.ticket.ticketId}/transfer`, owner.token, { toEmail: 'not-an-email' })).status).toBe(400);
    expect((await post(`/api/tickets/${owner.ticket.ticketId}/transfer`, owner.token, { toEmail: 'a@b.co', extra: 1 })).status).toBe(400);
    expect((await post('/api/checkins', staff, {})).status).toBe(400);
    expect((await transfer('bad%20id', owner.token, 'a@b.co')).status).toBe(404);
  });
});
