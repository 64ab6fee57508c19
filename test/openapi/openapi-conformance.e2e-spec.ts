import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { accessTokenFor, bearer } from '../support/auth';
import { startTestApp, type TestApp } from '../support/test-app';
import { GOOD_PASSWORD, uniqueEmail } from '../security/accounts-client';
import { ROUTES, type FuzzRoute } from '../security/routes';
import { showBody } from '../box-office/box-office-client';
import { exchange, OpenApiConformance, type Answer } from './openapi-conformance';

/**
 * Real answers against GET /openapi.json (ajv, JSON Schema 2020-12): a booking flow from
 * registration to check-in and refund, with the errors a client meets on the way, then requests
 * drawn from the security fuzz's bodies and parameters (test/security/routes.ts) for every route.
 * Each answer must have a documented status, media type and a body its schema accepts (closed to
 * undocumented fields), so a route answering a code its operation does not list, or a field its
 * schema does not name, fails here.
 */

const SAMPLES_PER_ROUTE = Number(process.env.OPENAPI_SAMPLES ?? 12);
const VISA = { number: '4242424242424242', expMonth: 12, expYear: 2035, cvc: '123' };
const DECLINED = { ...VISA, number: '4000000000000002' };

describe('real answers conform to the OpenAPI document', () => {
  let server: TestApp;
  let conformance: OpenApiConformance;
  const problems: string[] = [];

  /** Sends a request, checks its answer against the document and returns it. */
  const send = async (
    method: string,
    path: string,
    options: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
  ): Promise<Answer & { headers: Headers }> => {
    const headers: Record<string, string> = { ...(options.token ? bearer(options.token) : {}), ...options.headers };
    const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    if (body !== undefined && !Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
    const answer = await exchange(`${server.url}${path}`, { method, headers, body });
    problems.push(...conformance.problemsWith(method, path, answer));
    return answer;
  };

  beforeAll(async () => {
    server = await startTestApp({
      env: { RATE_LIMIT_LOGIN_PER_ACCOUNT: '100000', RATE_LIMIT_LOGIN_PER_ACCOUNT_IP: '100000', RATE_LIMIT_LOGIN_PER_IP: '100000', RATE_LIMIT_REFRESH_PER_FAMILY: '100000', RATE_LIMIT_REFRESH_PER_IP: '100000' },
    });
    conformance = new OpenApiConformance((await (await fetch(`${server.url}/openapi.json`)).json()) as Record<string, unknown>);
  });

  afterAll(async () => {
    await server.close();
  });

  beforeEach(() => {
    problems.length = 0;
  });

  it('a booking flow, from registration to check-in, refund and the errors on the way', async () => {
    const admin = await accessTokenFor(server, randomUUID(), ['admin']);
    const staff = await accessTokenFor(server, randomUUID(), ['staff']);
    const expectStatus = (answer: Answer, status: number, code?: string) =>
      expect({ status: answer.status, code: answer.status >= 400 ? (answer.body as { code?: string })?.code : undefined }).toEqual({ status, code });

    // Accounts
    const email = uniqueEmail();
    const registered = await send('POST', '/api/auth/register', { body: { email, password: GOOD_PASSWORD, displayName: 'Ada' } });
    expectStatus(registered, 201);
    expectStatus(await send('POST', '/api/auth/register', { body: { email, password: GOOD_PASSWORD, displayName: 'Ada' } }), 409, 'EMAIL_TAKEN');
    expectStatus(await send('POST', '/api/auth/register', { body: { email: 'not-an-email', password: 'short' } }), 400, 'VALIDATION_FAILED');
    expectStatus(await send('POST', '/api/auth/login', { body: { email, password: 'Wrong-Password-123456' } }), 401, 'INVALID_CREDENTIALS');
    const login = await send('POST', '/api/auth/login', { body: { email, password: GOOD_PASSWORD } });
    expectStatus(login, 200);
    const { accessToken: fan, refreshToken } = login.body as { accessToken: string; refreshToken: string };
    const rotated = await send('POST', '/api/auth/refresh', { body: { refreshToken } });
    expectStatus(rotated, 200);
    expectStatus(await send('POST', '/api/auth/refresh', { body: { refreshToken: 'not-a-token' } }), 401, 'INVALID_REFRESH_TOKEN');
    expectStatus(await send('GET', '/api/auth/me', { token: fan }), 200);
    expectStatus(await send('GET', '/api/auth/me'), 401, 'UNAUTHENTICATED');
    const friendEmail = uniqueEmail('friend');
    const friend = await send('POST', '/api/auth/register', { body: { email: friendEmail, password: GOOD_PASSWORD, displayName: 'Grace' } });
    const friendId = (friend.body as { userId: string }).userId;
    expectStatus(await send('PUT', `/api/admin/users/${friendId}/roles`, { token: admin, body: { roles: ['user', 'staff'] } }), 200);
    expectStatus(await send('PUT', `/api/admin/users/${randomUUID()}/roles`, { token: admin, body: { roles: ['user'] } }), 404, 'USER_NOT_FOUND');
    expectStatus(await send('PUT', `/api/admin/users/${friendId}/roles`, { token: fan, body: { roles: ['admin'] } }), 403, 'FORBIDDEN');

    // Shows
    expectStatus(await send('POST', '/api/shows', { token: admin, body: { ...showBody(), startsAt: '2001-01-01T00:00:00Z' } }), 400, 'SHOW_IN_PAST');
    const created = await send('POST', '/api/shows', { token: admin, body: showBody({ seatsPerRow: 5, maxSeatsPerBooking: 2 }) });
    expectStatus(created, 201);
    const showId = (created.body as { showId: string }).showId;
    expectStatus(await send('POST', '/api/bookings', { token: fan, body: { showId, seats: ['A-1-1'] } }), 422, 'SHOW_NOT_ON_SALE');
    expectStatus(await send('POST', `/api/shows/${showId}/publish`, { token: admin }), 200);
    expectStatus(await send('POST', `/api/shows/${showId}/publish`, { token: admin }), 409, 'INVALID_SHOW_STATE');
    const position = (created.body as { position: string }).position;
    expectStatus(await send('GET', '/api/shows?limit=5', { headers: { 'x-min-position': position } }), 200);
    expectStatus(await send('GET', '/api/shows?limit=nope'), 400, 'VALIDATION_FAILED');
    expectStatus(await send('GET', `/api/shows/${showId}`), 200);
    expectStatus(await send('GET', `/api/shows/${randomUUID()}`), 404, 'SHOW_NOT_FOUND');
    const seats = await send('GET', `/api/shows/${showId}/seats?section=A`);
    expectStatus(seats, 200);
    expectStatus(await send('GET', `/api/shows/${showId}/seats?section=A`, { headers: { 'if-none-match': seats.headers.get('etag') as string } }), 304);
    expectStatus(await send('GET', `/api/shows/${showId}/seats?section=Z`), 404, 'NOT_FOUND');

    // Bookings
    expectStatus(await send('POST', '/api/bookings', { token: fan, body: { showId, seats: ['A-1-1', 'A-1-2', 'A-1-3'] } }), 422, 'TOO_MANY_SEATS');
    expectStatus(await send('POST', '/api/bookings', { token: fan, body: { showId, seats: ['A-9-1'] } }), 404, 'SEAT_NOT_FOUND');
    const held = await send('POST', '/api/bookings', { token: fan, body: { showId, seats: ['A-1-1', 'A-1-2'] }, headers: { 'idempotency-key': 'hold-1' } });
    expectStatus(held, 201);
    expectStatus(await send('POST', '/api/bookings', { token: fan, body: { showId, seats: ['A-1-3'] }, headers: { 'idempotency-key': 'hold-1' } }), 422, 'IDEMPOTENCY_KEY_REUSED');
    expectStatus(await send('POST', '/api/bookings', { token: fan, body: { showId, seats: ['A-1-2'] } }), 409, 'SEATS_UNAVAILABLE');
    // Vouchers
    expectStatus(await send('POST', `/api/shows/${showId}/vouchers`, { token: admin, body: { code: 'TEN', kind: 'percent', value: 10, maxUses: 1, perUser: 1 } }), 201);
    expectStatus(await send('POST', `/api/shows/${showId}/vouchers`, { token: admin, body: { code: 'ten', kind: 'amount', value: 10, maxUses: 1, perUser: 1 } }), 409, 'VOUCHER_EXISTS');
    expectStatus(await send('POST', `/api/shows/${randomUUID()}/vouchers`, { token: admin, body: { code: 'TEN', kind: 'percent', value: 10, maxUses: 1, perUser: 1 } }), 404, 'SHOW_NOT_FOUND');
    expectStatus(await send('POST', '/api/bookings', { token: fan, body: { showId, seats: ['A-1-4'], voucherCode: 'NOPE' } }), 422, 'VOUCHER_INVALID');
    expectStatus(await send('POST', '/api/bookings', { token: fan, body: { showId, seats: ['A-1-4'], voucherCode: 'ten' } }), 201);
    expectStatus(await send('POST', '/api/bookings', { token: staff, body: { showId, seats: ['A-1-3'], voucherCode: 'TEN' } }), 422, 'VOUCHER_EXHAUSTED');
    // Waiting list
    const joined = await send('POST', `/api/shows/${showId}/waitlist`, { token: staff, body: { categoryId: 'vip', seats: 1 } });
    expectStatus(joined, 201);
    expectStatus(await send('POST', `/api/shows/${showId}/waitlist`, { token: staff, body: { seats: 3 } }), 422, 'TOO_MANY_SEATS');
    expectStatus(await send('POST', `/api/shows/${showId}/waitlist`, { token: staff, body: { seats: 1, categoryId: 'balcony' } }), 400, 'VALIDATION_FAILED');
    expectStatus(await send('POST', `/api/shows/${randomUUID()}/waitlist`, { token: staff, body: { seats: 1 } }), 404, 'SHOW_NOT_FOUND');
    const { entryId, position: joinedAt } = joined.body as { entryId: string; position: string };
    expectStatus(await send('GET', '/api/me/waitlist', { token: staff, headers: { 'x-min-position': joinedAt } }), 200);
    expectStatus(await send('DELETE', `/api/shows/${showId}/waitlist/${entryId}`, { token: fan }), 404, 'WAITLIST_ENTRY_NOT_FOUND');
    expectStatus(await send('DELETE', `/api/shows/${showId}/waitlist/${entryId}`, { token: staff }), 204);
    // Waiting room (on a show of its own: its bookings need an admission token)
    const roomShow = await send('POST', '/api/shows', { token: admin, body: showBody({ seatsPerRow: 5 }) });
    const roomShowId = (roomShow.body as { showId: string }).showId;
    expectStatus(await send('POST', `/api/shows/${roomShowId}/publish`, { token: admin }), 200);
    expectStatus(await send('POST', `/api/shows/${roomShowId}/queue`, { token: fan }), 409, 'WAITING_ROOM_DISABLED');
    const roomSettings = { enabled: true, opensAt: new Date(Date.now() + 3_600_000).toISOString(), admitPerMinute: 60, tokenMinutes: 5 };
    expectStatus(await send('PUT', `/api/shows/${roomShowId}/waiting-room`, { token: admin, body: roomSettings }), 200);
    expectStatus(await send('PUT', `/api/shows/${randomUUID()}/waiting-room`, { token: admin, body: roomSettings }), 404, 'SHOW_NOT_FOUND');
    expectStatus(await send('PUT', `/api/shows/${roomShowId}/waiting-room`, { token: fan, body: roomSettings }), 403, 'FORBIDDEN');
    const queued = await send('POST', `/api/shows/${roomShowId}/queue`, { token: fan });
    expectStatus(queued, 201);
    const queueId = (queued.body as { queueId: string }).queueId;
    expectStatus(await send('GET', `/api/shows/${roomShowId}/queue/${queueId}`, { token: fan }), 200);
    expectStatus(await send('GET', `/api/shows/${roomShowId}/queue/${queueId}`, { token: staff }), 404, 'QUEUE_PLACE_NOT_FOUND');
    expectStatus(await send('POST', '/api/bookings', { token: fan, body: { showId: roomShowId, seats: ['A-1-1'] } }), 403, 'ADMISSION_REQUIRED');
    expectStatus(await send('GET', `/api/shows/${roomShowId}`, { headers: { 'x-min-position': String((queued.headers.get('x-position'))) } }), 200);
    const pending = await send('POST', '/api/bookings', { token: fan, body: { showId, seats: ['A-1-5'] }, headers: { prefer: 'respond-async' } });
    expectStatus(pending, 202);
    const bookingId = (held.body as { bookingId: string }).bookingId;
    const heldAt = (held.body as { position: string }).position;
    expectStatus(await send('GET', `/api/bookings/${bookingId}`, { token: fan, headers: { 'x-min-position': heldAt } }), 200);
    expectStatus(await send('GET', `/api/bookings/${randomUUID()}`, { token: fan }), 404, 'BOOKING_NOT_FOUND');
    expectStatus(await send('POST', `/api/bookings/${bookingId}/payment`, { token: fan, body: { card: DECLINED } }), 402, 'PAYMENT_DECLINED');
    expectStatus(await send('POST', `/api/bookings/${bookingId}/payment`, { token: fan, body: { card: { ...VISA, expYear: 2001 } } }), 402, 'CARD_EXPIRED');
    const paid = await send('POST', `/api/bookings/${bookingId}/payment`, { token: fan, body: { card: VISA } });
    expectStatus(paid, 200);
    expectStatus(await send('POST', `/api/bookings/${bookingId}/payment`, { token: fan, body: { card: VISA } }), 409, 'INVALID_BOOKING_STATE');
    const paidAt = (paid.body as { position: string }).position;
    expectStatus(await send('GET', '/api/me/bookings', { token: fan, headers: { 'x-min-position': paidAt } }), 200);
    const tickets = await send('GET', '/api/me/tickets', { token: fan, headers: { 'x-min-position': paidAt } });
    expectStatus(tickets, 200);
    const [first, second] = (tickets.body as { items: { ticketId: string; code: string }[] }).items;

    // Administration: the user search and a user's counts
    const fanId = (registered.body as { userId: string }).userId;
    expectStatus(await send('GET', `/api/admin/users?email=${encodeURIComponent(email)}&limit=5`, { token: admin, headers: { 'x-min-position': paidAt } }), 200);
    expectStatus(await send('GET', '/api/admin/users?role=root', { token: admin }), 400, 'VALIDATION_FAILED');
    expectStatus(await send('GET', `/api/admin/users/${fanId}`, { token: admin, headers: { 'x-min-position': paidAt } }), 200);
    expectStatus(await send('GET', `/api/admin/users/${randomUUID()}`, { token: admin }), 404, 'USER_NOT_FOUND');
    expectStatus(await send('GET', '/api/admin/users', { token: staff }), 403, 'FORBIDDEN');

    // Tickets
    expectStatus(await send('POST', '/api/checkins', { token: staff, body: { code: first.code } }), 200);
    expectStatus(await send('POST', '/api/checkins', { token: staff, body: { code: first.code } }), 409, 'ALREADY_CHECKED_IN');
    expectStatus(await send('POST', '/api/checkins', { token: staff, body: { code: 'T1.forged.1.x' } }), 404, 'INVALID_TICKET');
    expectStatus(await send('POST', '/api/checkins', { token: fan, body: { code: second.code } }), 403, 'FORBIDDEN');
    expectStatus(await send('POST', `/api/tickets/${second.ticketId}/transfer`, { token: fan, body: { toEmail: uniqueEmail('nobody') } }), 404, 'USER_NOT_FOUND');
    expectStatus(await send('POST', `/api/tickets/${second.ticketId}/transfer`, { token: fan, body: { toEmail: friendEmail } }), 200);
    expectStatus(await send('POST', `/api/tickets/${second.ticketId}/transfer`, { token: fan, body: { toEmail: friendEmail } }), 404, 'TICKET_NOT_FOUND');

    // Admin reads
    expectStatus(await send('GET', `/api/analytics/shows/${showId}/sales`, { token: admin, headers: { 'x-min-position': paidAt } }), 200);
    expectStatus(await send('GET', `/api/analytics/shows/${showId}/sales`, { token: fan }), 403, 'FORBIDDEN');
    expectStatus(await send('GET', `/api/audit/streams/booking-${bookingId}`, { token: admin }), 200);
    expectStatus(await send('GET', `/api/audit/streams/account-${friendId}?at=0`, { token: admin }), 200);
    expectStatus(await send('GET', `/api/audit/streams/nothing-${randomUUID()}`, { token: admin }), 404, 'STREAM_NOT_FOUND');
    expectStatus(await send('GET', `/api/admin/outbox?to=${encodeURIComponent(email)}&limit=10`, { token: admin }), 200);
    expectStatus(await send('GET', '/api/admin/outbox?limit=0', { token: admin }), 400, 'VALIDATION_FAILED');
    expectStatus(await send('GET', '/api/admin/outbox', { token: fan }), 403, 'FORBIDDEN');

    // Cancellations: a paid booking is refunded, a cancelled one cannot be cancelled again.
    const another = await send('POST', '/api/bookings', { token: fan, body: { showId, seats: ['A-1-3'] } });
    const anotherId = (another.body as { bookingId: string }).bookingId;
    expectStatus(await send('POST', `/api/bookings/${anotherId}/payment`, { token: fan, body: { card: VISA } }), 200);
    const refunded = await send('POST', `/api/bookings/${anotherId}/cancel`, { token: fan });
    expectStatus(refunded, 200);
    expect((refunded.body as { status: string }).status).toBe('refunded');
    expectStatus(await send('POST', `/api/bookings/${anotherId}/cancel`, { token: fan }), 409, 'INVALID_BOOKING_STATE');
    expectStatus(await send('POST', `/api/shows/${showId}/cancel`, { token: admin, body: { reason: 'storm' } }), 200);
    expectStatus(await send('POST', `/api/shows/${showId}/cancel`, { token: admin, body: { reason: 'storm' } }), 409, 'INVALID_SHOW_STATE');

    // Incidents
    const reported = await send('POST', '/api/incidents', { token: fan, body: { title: 'Seat broken', location: { seatId: 'A-1-1' }, category: 'seat', urgency: 'high' } });
    expectStatus(reported, 201);
    const incidentId = (reported.body as { incidentId: string }).incidentId;
    expectStatus(await send('POST', '/api/incidents', { token: fan, body: { title: '', category: 'seat', urgency: 'high' } }), 400, 'VALIDATION_FAILED');
    expectStatus(await send('PATCH', `/api/incidents/${incidentId}`, { token: staff, body: { status: 'closed' } }), 409, 'INVALID_TRANSITION');
    expectStatus(await send('PATCH', `/api/incidents/${randomUUID()}`, { token: staff, body: { note: 'x' } }), 404, 'INCIDENT_NOT_FOUND');
    expectStatus(await send('PATCH', `/api/incidents/${incidentId}`, { token: fan, body: { note: 'x' } }), 403, 'FORBIDDEN');
    const acknowledged = await send('PATCH', `/api/incidents/${incidentId}`, { token: staff, body: { status: 'acknowledged', assigneeId: null, note: 'on it' } });
    expectStatus(acknowledged, 200);
    const incidentAt = (acknowledged.body as { position: string }).position;
    expectStatus(await send('GET', `/api/incidents/${incidentId}`, { token: fan, headers: { 'x-min-position': incidentAt } }), 200);
    const stranger = await accessTokenFor(server, randomUUID());
    expectStatus(await send('GET', `/api/incidents/${incidentId}`, { token: stranger, headers: { 'x-min-position': incidentAt } }), 404, 'INCIDENT_NOT_FOUND');
    expectStatus(await send('GET', '/api/incidents?status=acknowledged&limit=1', { token: staff, headers: { 'x-min-position': incidentAt } }), 200);
    expectStatus(await send('GET', '/api/incidents?status=open', { token: staff }), 400, 'VALIDATION_FAILED');
    expectStatus(await send('GET', '/api/incidents/recent?limit=5', { token: staff }), 200);
    expectStatus(await send('GET', '/api/me/incidents', { token: fan }), 200);
    expectStatus(await send('GET', '/api/stats', { token: staff, headers: { 'x-min-position': incidentAt } }), 200);
    expectStatus(await send('GET', '/api/stats', { token: fan }), 403, 'FORBIDDEN');
    // Devices and telemetry
    const deviceId = `conformance-${randomUUID()}`;
    const device = await send('POST', '/api/devices', { token: admin, body: { deviceId, venueId: 'arena', type: 'gate_scanner', name: 'Gate 1' } });
    expectStatus(device, 201);
    expectStatus(await send('POST', '/api/devices', { token: admin, body: { deviceId, venueId: 'arena', type: 'gate_scanner', name: 'Gate 1' } }), 409, 'DEVICE_EXISTS');
    const deviceKey = (device.body as { deviceKey: string }).deviceKey;
    const reading = { status: 'online', temperature: 30, battery: 80, at: new Date().toISOString() };
    expectStatus(await send('POST', `/api/devices/${deviceId}/telemetry`, { headers: { 'x-device-key': deviceKey }, body: reading }), 202);
    expectStatus(await send('POST', `/api/devices/${deviceId}/telemetry`, { headers: { 'x-device-key': deviceKey }, body: [reading, reading] }), 202);
    expectStatus(await send('POST', `/api/devices/${deviceId}/telemetry`, { headers: { 'x-device-key': 'wrong' }, body: reading }), 401, 'INVALID_DEVICE_KEY');
    expectStatus(await send('POST', `/api/devices/${deviceId}/telemetry`, { headers: { 'x-device-key': deviceKey }, body: { ...reading, battery: 200 } }), 400, 'VALIDATION_FAILED');
    expectStatus(await send('GET', '/api/devices?venueId=arena', { token: staff, headers: { 'x-min-position': (device.body as { position: string }).position } }), 200);
    const rules = await send('GET', '/api/ops/rules', { token: staff });
    expectStatus(rules, 200);
    expectStatus(await send('PUT', '/api/ops/rules', { token: admin, body: rules.body }), 200);
    expectStatus(await send('PUT', '/api/ops/rules', { token: staff, body: rules.body }), 403, 'FORBIDDEN');
    // Live feeds
    const issued = await send('POST', '/api/notifications/stream-tokens', { token: fan });
    expectStatus(issued, 201);
    expectStatus(await send('POST', '/api/notifications/stream-tokens'), 401, 'UNAUTHENTICATED');
    expectStatus(await send('GET', '/api/notifications/stream?token=forged'), 401, 'UNAUTHENTICATED');
    expectStatus(await send('GET', `/api/notifications/stream?token=x&types=${encodeURIComponent('Not a type')}`), 400, 'VALIDATION_FAILED');
    {
      // A stream never ends by itself: its headers and first bytes are the answer.
      const aborted = new AbortController();
      const res = await fetch(`${server.url}/api/notifications/stream?token=${(issued.body as { token: string }).token}`, { signal: aborted.signal });
      const first = await (res.body as ReadableStream<Uint8Array>).getReader().read();
      const answer = { status: res.status, contentType: res.headers.get('content-type'), body: new TextDecoder().decode(first.value) };
      aborted.abort();
      expect(answer.body).toMatch(/^: stream open\n\n/);
      problems.push(...conformance.problemsWith('GET', '/api/notifications/stream', answer));
      expectStatus(answer, 200);
    }
    expectStatus(await send('GET', '/api/notifications/events?limit=5', { token: staff }), 200);
    expectStatus(await send('GET', '/api/notifications/events', { token: fan }), 403, 'FORBIDDEN');

    // The edge
    expectStatus(await send('POST', '/api/auth/login', { raw: 'email=a', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expectStatus(await send('POST', '/api/auth/login', { raw: JSON.stringify({ email: 'x'.repeat(200_000), password: 'x' }) }), 413, 'PAYLOAD_TOO_LARGE');
    expectStatus(await send('POST', '/api/auth/logout', { body: { refreshToken: (rotated.body as { refreshToken: string }).refreshToken } }), 204);
    expectStatus(await send('GET', '/health'), 200);
    expectStatus(await send('GET', '/health/live'), 200);
    expectStatus(await send('GET', '/metrics'), 200);

    expect(problems).toEqual([]);
    // Every route had at least one of its success answers checked.
    const unchecked = Object.entries(conformance.document.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => ![...conformance.seen].some((seen) => seen.startsWith(`${method.toUpperCase()} ${path} 2`)))
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(unchecked).toEqual([]);
  });

  const fill = (route: FuzzRoute, seed: number): string[] => {
    const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
    // A path the URL parser rewrites (an empty, `.` or `..` segment) names no route of the document.
    const values = names.map((name) => (route.params?.[name] ?? fc.uuid()).filter((value) => !['', '.', '..'].includes(value)));
    const paths = values.length === 0 ? fc.constant(route.path) : fc.tuple(...values).map((filled) => names.reduce((path, name, i) => path.replace(`{${name}}`, encodeURIComponent(filled[i])), route.path));
    return fc.sample(paths, { numRuns: SAMPLES_PER_ROUTE, seed });
  };

  it.each(ROUTES.map((route) => [`${route.method} ${route.path}`, route] as const))('%s: answers to the security fuzz’s requests', async (_name, route) => {
    const token = route.auth === 'public' ? undefined : await accessTokenFor(server, randomUUID(), [route.auth]);
    const seed = 11;
    const paths = fill(route, seed);
    const bodies = route.body ? fc.sample(route.body, { numRuns: SAMPLES_PER_ROUTE, seed }) : [];
    const statuses = new Set<number>();
    for (let i = 0; i < paths.length; i++) {
      const answer = await send(route.method, paths[i], { token, body: bodies[i] });
      statuses.add(answer.status);
    }
    expect(problems).toEqual([]);
    expect(statuses.size).toBeGreaterThan(0);
  });
});
