import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { TicketCodes } from '@tessera/platform/security/ticket-codes';
import { accessTokenFor, bearer } from '../support/auth';
import { startTestApp, type TestApp } from '../support/test-app';
import { BoxOfficeDriver, showOf } from './box-office-driver';

/**
 * The read side over real HTTP on the standalone server: events are appended with the real
 * deciders, and every read asks for the position it must reflect (X-Min-Position).
 */
describe('query API (standalone, embedded stores)', () => {
  let server: TestApp;
  let driver: BoxOfficeDriver;
  let alice: Record<string, string>;
  let bob: Record<string, string>;
  let admin: Record<string, string>;

  beforeAll(async () => {
    server = await startTestApp();
    driver = new BoxOfficeDriver(server.app.get(EventStore));
    alice = bearer(await accessTokenFor(server, 'alice'));
    bob = bearer(await accessTokenFor(server, 'bob'));
    admin = bearer(await accessTokenFor(server, 'root', ['admin']));
  });

  afterAll(async () => {
    await server.close();
  });

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${server.url}${path}`, { headers });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
  };
  const at = (position: number) => ({ 'x-min-position': String(position) });

  it('shows the seats a hold took on the very next read (read your writes)', async () => {
    await driver.createShow(showOf('ryw'));
    const { position } = await driver.placeBooking('ryw', 'alice', ['S1-1-1', 'S1-1-2']);

    const { status, body } = await get('/api/shows/ryw/seats?section=S1', at(position));

    expect(status).toBe(200);
    expect(body.seats).toHaveLength(10);
    expect(body.seats.filter((seat: { status: string }) => seat.status === 'held').map((seat: { seatId: string }) => seat.seatId)).toEqual([
      'S1-1-1',
      'S1-1-2',
    ]);
    expect(body.seats[0]).toEqual({ seatId: 'S1-1-1', sectionId: 'S1', row: '1', number: 1, categoryId: 'vip', status: 'held' });
    const detail = await get('/api/shows/ryw', at(position));
    expect(detail.body.sections).toEqual([
      { id: 'S1', name: 'Section 1', categoryId: 'vip', capacity: 10, available: 8 },
      { id: 'S2', name: 'Section 2', categoryId: 'std', capacity: 10, available: 10 },
    ]);
    expect(detail.body.categories).toEqual([
      { id: 'vip', name: 'VIP', price: 12000, capacity: 10, available: 8 },
      { id: 'std', name: 'Standard', price: 4500, capacity: 10, available: 10 },
    ]);
  });

  it('lists on-sale shows page by page with a cursor, never drafts', async () => {
    for (let i = 1; i <= 5; i++) await driver.createShow(showOf(`list${i}`, { startsAt: `2030-01-0${i}T20:00:00.000Z` }));
    const position = await driver.createShow(showOf('draft1', { startsAt: '2030-01-03T20:00:00.000Z' }), false);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `/api/shows?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const { status, body } = await get(query, at(position));
      expect(status).toBe(200);
      expect(body.items.length).toBeLessThanOrEqual(2);
      seen.push(...body.items.map((item: { showId: string }) => item.showId));
      cursor = body.nextCursor;
    } while (cursor);

    expect(seen.filter((id) => id.startsWith('list') || id.startsWith('draft'))).toEqual(['list1', 'list2', 'list3', 'list4', 'list5']);
    const first = (await get('/api/shows?limit=100', at(position))).body.items.find((item: { showId: string }) => item.showId === 'list1');
    expect(first).toEqual({
      showId: 'list1', name: 'Show list1', venue: 'Arena', startsAt: '2030-01-01T20:00:00.000Z',
      status: 'on_sale', currency: 'EUR', priceFrom: 4500, capacity: 20, available: 20,
    });
    expect((await get('/api/shows/draft1', at(position))).status).toBe(404);
    expect((await get('/api/shows/draft1', { ...at(position), ...admin })).status).toBe(200);
    expect((await get('/api/shows?cursor=nonsense!')).status).toBe(400);
    expect((await get('/api/shows?limit=0')).status).toBe(400);
  });

  it("answers 404 for another user's booking, and lists a user's own bookings and tickets with valid codes", async () => {
    await driver.createShow(showOf('own'));
    const { bookingId } = await driver.placeBooking('own', 'alice', ['S2-1-1', 'S2-1-2']);
    const { position, ticketIds } = await driver.payBooking(bookingId);

    const mine = await get(`/api/bookings/${bookingId}`, { ...alice, ...at(position) });
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ bookingId, showId: 'own', status: 'confirmed', seats: ['S2-1-1', 'S2-1-2'], amount: 9000, currency: 'EUR' });
    expect(mine.body.tickets).toHaveLength(2);

    const theirs = await get(`/api/bookings/${bookingId}`, { ...bob, ...at(position) });
    expect(theirs.status).toBe(404);
    expect(theirs.body.code).toBe('BOOKING_NOT_FOUND');
    expect((await get(`/api/bookings/${bookingId}`)).status).toBe(401);
    expect((await get('/api/bookings/no-such-booking', { ...alice, ...at(position) })).status).toBe(404);

    const codes = server.app.get(TicketCodes);
    const tickets = await get('/api/me/tickets', { ...alice, ...at(position) });
    const ownTickets = tickets.body.items.filter((t: { showId: string }) => t.showId === 'own');
    expect(ownTickets.map((t: { seatId: string }) => t.seatId)).toEqual(['S2-1-1', 'S2-1-2']);
    for (const ticket of ownTickets) expect(codes.verify(ticket.code)).toEqual({ ticketId: ticket.ticketId, version: 1 });

    // A transfer moves the ticket to bob with a new code; alice keeps only the other one.
    const moved = await driver.transferTicket(ticketIds[0], 'alice', 'bob');
    const aliceAfter = await get('/api/me/tickets', { ...alice, ...at(moved) });
    const bobAfter = await get('/api/me/tickets', { ...bob, ...at(moved) });
    expect(aliceAfter.body.items.map((t: { ticketId: string }) => t.ticketId)).not.toContain(ticketIds[0]);
    expect(bobAfter.body.items).toEqual([expect.objectContaining({ ticketId: ticketIds[0], status: 'valid' })]);
    expect(codes.verify(bobAfter.body.items[0].code)).toEqual({ ticketId: ticketIds[0], version: 2 });
    const bookings = await get('/api/me/bookings', { ...alice, ...at(moved) });
    const booking = bookings.body.items.find((b: { bookingId: string }) => b.bookingId === bookingId);
    expect(booking.tickets.map((t: { ticketId: string }) => t.ticketId)).toEqual([ticketIds[1]]);
    expect((await get('/api/me/bookings', { ...bob, ...at(moved) })).body.items).toEqual([]);
  });

  it('answers 503 PROJECTION_LAGGING after 5 s for a position the read models never reach, and 400 for a bad header', async () => {
    const head = await server.app.get(EventStore).headPosition();
    const started = Date.now();
    const lagging = await get('/api/shows', at(head + 1000));
    expect(lagging.status).toBe(503);
    expect(lagging.body.code).toBe('PROJECTION_LAGGING');
    expect(Date.now() - started).toBeGreaterThanOrEqual(4900);

    for (const bad of ['abc', '-1', '1.5', '99999999999999999']) {
      const response = await get('/api/shows', { 'x-min-position': bad });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
    }
  });

  it('gives admins sales analytics and the audit history with the state as of a revision', async () => {
    await driver.createShow(showOf('sales'));
    const held = await driver.placeBooking('sales', 'alice', ['S1-1-1', 'S2-1-1']);
    await driver.payBooking(held.bookingId);
    const lost = await driver.placeBooking('sales', 'bob', ['S2-2-1']);
    driver.advance(11);
    const position = await driver.expireBooking(lost.bookingId);

    const sales = await get('/api/analytics/shows/sales/sales', { ...admin, ...at(position) });
    expect(sales.status).toBe(200);
    expect(sales.body).toMatchObject({
      showId: 'sales',
      currency: 'EUR',
      byCategory: [
        { categoryId: 'std', sold: 1, revenue: 4500 },
        { categoryId: 'vip', sold: 1, revenue: 12000 },
      ],
      byHour: [{ hour: '2027-04-01T10:00:00.000Z', sold: 2, revenue: 16500 }],
      holdsPlaced: 2,
      holdsExpired: 1,
      bookingsConfirmed: 1,
      conversion: 0.5,
    });
    expect((await get('/api/analytics/shows/sales/sales', { ...alice, ...at(position) })).status).toBe(403);

    const audit = await get(`/api/audit/streams/booking-${held.bookingId}?at=0`, admin);
    expect(audit.status).toBe(200);
    expect(audit.body.events.map((e: { type: string }) => e.type)).toEqual(['booking.placed.v1', 'booking.confirmed.v1']);
    expect(audit.body.events[0].metadata).toMatchObject({ actorId: 'alice', schemaVersion: 1 });
    expect(audit.body.state).toMatchObject({ status: 'held', bookingId: held.bookingId });
    const now = await get(`/api/audit/streams/booking-${held.bookingId}`, admin);
    expect(now.body.state).toMatchObject({ status: 'confirmed' });
    expect((await get('/api/audit/streams/booking-nope', admin)).status).toBe(404);
    expect((await get(`/api/audit/streams/booking-${held.bookingId}`, alice)).status).toBe(403);
  });
});
