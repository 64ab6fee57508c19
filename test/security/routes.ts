import type { Role } from '@tessera/contracts';
import fc from 'fast-check';
import { GOOD_PASSWORD } from './accounts-client';

/**
 * Every HTTP route, for the security fuzz (fuzz.e2e-spec.ts). The fuzz reads the app's own routes
 * (from Nest's controller metadata) and fails when one is missing here, naming it: add it with
 * its parameters and bodies. The fuzz then checks that no body or parameter makes the route
 * answer 5xx, and that every 4xx leaves the event log unchanged; the transport rules (hostile
 * bodies, wrong methods) are checked on every route of the app whether listed here or not.
 *
 * - `path` uses `{name}` placeholders; each gets a value from `params[name]` (default: any
 *   string, URL-encoded, plus a few real-looking UUIDs).
 * - `auth`: 'public' sends no token; a role sends a valid access token of a fresh user with
 *   that role (use 'admin' for admin routes — the fuzz is about input, not authorization).
 * - `body`: an arbitrary of JSON bodies. Use `bodyOf({ field: arbitrary })` for an object route:
 *   it mixes well-formed values, wrong types, missing and extra fields and non-objects.
 */

export type FuzzMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface FuzzRoute {
  method: FuzzMethod;
  path: string;
  auth: 'public' | Role;
  params?: Record<string, fc.Arbitrary<string>>;
  body?: fc.Arbitrary<unknown>;
}

/** Any JSON value, including deep and odd ones. */
export const anyJson: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 3 });

/** Strings that break naive code: empty, huge, unicode, control characters, injection-looking. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', '\u0000', '../../etc/passwd', '{"$gt":""}', '<script>', '%00', 'null', '__proto__', 'constructor', 'a'.repeat(5000)),
);

/** A value for one field: usually of the right kind, sometimes anything at all. */
export const fieldOf = <T>(good: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 3, arbitrary: good }, { weight: 1, arbitrary: nastyString }, { weight: 1, arbitrary: anyJson });

/** Bodies for an object route: the fields (each optional), sometimes an extra field, sometimes not an object. */
export const bodyOf = (fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<unknown> => {
  const record = fc.record(
    Object.fromEntries(Object.entries(fields).map(([name, arbitrary]) => [name, fieldOf(arbitrary)])),
    { requiredKeys: [] },
  );
  return fc.oneof(
    { weight: 4, arbitrary: record },
    {
      weight: 1,
      arbitrary: fc
        .tuple(record, fc.constantFrom('role', 'roles', 'userId', 'ownerId', 'status', 'price', '__proto__', 'constructor'), anyJson)
        .map(([body, key, value]) => (typeof body === 'object' && body !== null ? { ...body, [key]: value } : body)),
    },
    { weight: 1, arbitrary: anyJson },
  );
};

const email = fc.oneof(fc.emailAddress(), fc.constant('fan@example.com'));
const password = fc.oneof(fc.constant(GOOD_PASSWORD), fc.string({ minLength: 12, maxLength: 140 }));
const refreshToken = fc.oneof(
  fc.tuple(fc.uuid(), fc.base64String({ minLength: 44, maxLength: 44 })).map(([family, secret]) => `${family}.${secret.slice(0, 43)}`),
  fc.string({ maxLength: 300 }),
);
const roles = fc.array(fc.constantFrom('user', 'staff', 'admin', 'root', ''), { maxLength: 5 });

export const ROUTES: FuzzRoute[] = [
  { method: 'POST', path: '/api/auth/register', auth: 'public', body: bodyOf({ email, password, displayName: fc.string({ maxLength: 100 }) }) },
  { method: 'POST', path: '/api/auth/login', auth: 'public', body: bodyOf({ email, password }) },
  { method: 'POST', path: '/api/auth/refresh', auth: 'public', body: bodyOf({ refreshToken }) },
  { method: 'POST', path: '/api/auth/logout', auth: 'public', body: bodyOf({ refreshToken }) },
  { method: 'GET', path: '/api/auth/me', auth: 'user' },
  { method: 'GET', path: '/health', auth: 'public' },
  { method: 'GET', path: '/health/live', auth: 'public' },
  { method: 'GET', path: '/metrics', auth: 'public' },
  { method: 'PUT', path: '/api/admin/users/{userId}/roles', auth: 'admin', body: bodyOf({ roles }) },
];

// ---- administration: user search ------------------------------------------------------------

const userCursor = Buffer.from(JSON.stringify([5])).toString('base64url');
ROUTES.push(
  {
    method: 'GET',
    path: '/api/admin/users?email={email}&q={q}&role={role}&limit={limit}&cursor={cursor}',
    auth: 'admin',
    params: {
      email: fc.oneof({ weight: 3, arbitrary: email }, { weight: 1, arbitrary: nastyString }),
      q: fc.oneof({ weight: 3, arbitrary: fc.constantFrom('ada', 'EXAMPLE', '.*', '(a+)+$', '[', '\\') }, { weight: 1, arbitrary: nastyString }),
      role: fc.oneof({ weight: 3, arbitrary: fc.constantFrom('user', 'staff', 'admin') }, { weight: 1, arbitrary: nastyString }),
      limit: fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 1, max: 100 }).map(String) }, { weight: 1, arbitrary: fc.oneof(fc.integer({ min: -5, max: 500 }).map(String), nastyString) }),
      cursor: fc.oneof({ weight: 3, arbitrary: fc.constant(userCursor) }, { weight: 1, arbitrary: nastyString }),
    },
  },
  { method: 'GET', path: '/api/admin/users/{userId}', auth: 'admin', params: { userId: fc.oneof(fc.uuid(), nastyString) } },
);

// ---- box office -----------------------------------------------------------------------------

const id = fc.oneof(fc.uuid(), nastyString);
const seatId = fc.oneof(fc.constantFrom('A-1-1', 'A-1-2', 'B-2-7'), nastyString);
const validShow = fc.record({
  name: fc.string({ minLength: 1, maxLength: 60 }),
  venue: fc.string({ minLength: 1, maxLength: 60 }),
  startsAt: fc.constant('2030-05-01T19:30:00Z'),
  currency: fc.constantFrom('EUR', 'USD'),
  holdMinutes: fc.integer({ min: 1, max: 60 }),
  maxSeatsPerBooking: fc.integer({ min: 1, max: 20 }),
  categories: fc.constant([{ id: 'vip', name: 'VIP', price: 12000 }]),
  sections: fc.constant([{ id: 'A', name: 'Stalls A', categoryId: 'vip', rows: [{ label: '1', seats: 5 }] }]),
});
const showBody = fc.oneof(
  { weight: 1, arbitrary: validShow },
  { weight: 1, arbitrary: validShow.chain((show) => fc.record({ maxSeatsHeldPerUser: fc.integer({ min: -1, max: 1001 }), maxTicketsPerUser: fc.integer({ min: -1, max: 1001 }) }, { requiredKeys: [] }).map((limits) => ({ ...show, ...limits }))) },
  { weight: 1, arbitrary: validShow.chain((show) => fc.tuple(fc.constantFrom(...Object.keys(show)), anyJson).map(([key, value]) => ({ ...show, [key]: value }))) },
  { weight: 2, arbitrary: bodyOf({ name: fc.string(), venue: fc.string(), startsAt: fc.date().map((d) => (Number.isNaN(d.getTime()) ? 'x' : d.toISOString())), currency: fc.string(), holdMinutes: fc.integer(), maxSeatsPerBooking: fc.integer(), maxSeatsHeldPerUser: fc.integer(), maxTicketsPerUser: fc.integer(), categories: anyJson, sections: anyJson }) },
);
const card = fc.record({
  number: fc.constantFrom('4242424242424242', '4000000000000002', '1234'),
  expMonth: fc.integer({ min: 0, max: 13 }),
  expYear: fc.integer({ min: 2020, max: 2040 }),
  cvc: fc.constantFrom('123', '12', 'abcd'),
});
const wellFormedCard = fc.record({
  number: fc.constantFrom('4242424242424242', '4000000000000002'),
  expMonth: fc.integer({ min: 1, max: 12 }),
  expYear: fc.integer({ min: 2030, max: 2040 }),
  cvc: fc.constant('123'),
});
const limit = fc.oneof(fc.integer({ min: -5, max: 500 }).map(String), nastyString);

ROUTES.push(
  { method: 'POST', path: '/api/shows', auth: 'admin', body: showBody },
  { method: 'POST', path: '/api/shows/{showId}/publish', auth: 'admin', params: { showId: id } },
  { method: 'POST', path: '/api/shows/{showId}/cancel', auth: 'admin', params: { showId: id }, body: bodyOf({ reason: fc.string({ maxLength: 600 }) }) },
  {
    method: 'POST',
    path: '/api/bookings',
    auth: 'user',
    body: fc.oneof(
      fc.record({ showId: fc.uuid(), seats: fc.array(seatId, { minLength: 1, maxLength: 4 }) }),
      fc.record({ showId: fc.uuid(), seats: fc.array(seatId, { minLength: 1, maxLength: 4 }), voucherCode: fc.oneof(fc.constantFrom('SUMMER10', 'summer10'), nastyString) }),
      bodyOf({ showId: id, seats: fc.array(seatId, { maxLength: 25 }), voucherCode: fc.string({ maxLength: 40 }) }),
    ),
  },
  {
    method: 'POST',
    path: '/api/shows/{showId}/vouchers',
    auth: 'admin',
    params: { showId: id },
    body: fc.oneof(
      fc.record({ code: fc.constantFrom('SUMMER10', 'vip-20'), kind: fc.constantFrom('percent', 'amount'), value: fc.integer({ min: 1, max: 100 }), maxUses: fc.integer({ min: 1, max: 100 }), perUser: fc.integer({ min: 1, max: 3 }) }),
      bodyOf({
        code: fc.string({ maxLength: 40 }),
        kind: fc.constantFrom('percent', 'amount', 'free'),
        value: fc.integer(),
        maxUses: fc.integer(),
        perUser: fc.integer(),
        categoryIds: fc.array(fc.constantFrom('vip', 'std', ''), { maxLength: 3 }),
        validFrom: fc.constantFrom('2030-01-01T00:00:00Z', 'tomorrow'),
        validUntil: fc.constantFrom('2031-01-01T00:00:00Z', '2029-01-01T00:00:00Z'),
      }),
    ),
  },
  {
    method: 'POST',
    path: '/api/shows/{showId}/waitlist',
    auth: 'user',
    params: { showId: id },
    body: fc.oneof(fc.record({ seats: fc.integer({ min: 1, max: 8 }) }), bodyOf({ categoryId: fc.constantFrom('vip', 'std', '', 'no such!'), seats: fc.integer() })),
  },
  // Two path parameters of up to 5000 characters each would pass the router's limit (404 NOT_FOUND) rather than test the route.
  { method: 'DELETE', path: '/api/shows/{showId}/waitlist/{entryId}', auth: 'user', params: { showId: id, entryId: fc.oneof(fc.uuid(), fc.string({ maxLength: 40 }), fc.constantFrom('../x', '%00', '__proto__', '{"$gt":""}')) } },
  {
    method: 'PUT',
    path: '/api/shows/{showId}/waiting-room',
    auth: 'admin',
    params: { showId: id },
    body: fc.oneof(
      fc.record({ enabled: fc.boolean(), opensAt: fc.constantFrom('2030-05-01T18:00:00Z', '2020-01-01T00:00:00Z'), admitPerMinute: fc.integer({ min: 1, max: 100_000 }), tokenMinutes: fc.integer({ min: 1, max: 60 }) }),
      bodyOf({ enabled: fc.boolean(), opensAt: fc.constantFrom('2030-05-01T18:00:00Z', 'soon', '2030-05-01'), admitPerMinute: fc.integer(), tokenMinutes: fc.integer() }),
    ),
  },
  { method: 'POST', path: '/api/shows/{showId}/queue', auth: 'user', params: { showId: id } },
  // Two path parameters: one over the edge's 2048-character limit answers 404 NOT_FOUND on any route (test/security/transport.e2e-spec.ts) before the route's own checks.
  { method: 'GET', path: '/api/shows/{showId}/queue/{queueId}', auth: 'user', params: { showId: id, queueId: id.filter((value) => value.length <= 2048) } },
  // A well-formed card is rare among random ones (every field must be right), so it is one of the choices.
  { method: 'POST', path: '/api/bookings/{bookingId}/payment', auth: 'user', params: { bookingId: id }, body: fc.oneof(fc.record({ card: wellFormedCard }), bodyOf({ card })) },
  { method: 'POST', path: '/api/bookings/{bookingId}/cancel', auth: 'user', params: { bookingId: id } },
  { method: 'POST', path: '/api/tickets/{ticketId}/transfer', auth: 'user', params: { ticketId: id }, body: bodyOf({ toEmail: email }) },
  { method: 'POST', path: '/api/checkins', auth: 'staff', body: bodyOf({ code: fc.oneof(fc.constant('T1.abc.1.' + 'A'.repeat(43)), nastyString) }) },
  { method: 'GET', path: '/api/shows?limit={limit}', auth: 'public', params: { limit } },
  { method: 'GET', path: '/api/shows/{showId}', auth: 'public', params: { showId: id } },
  { method: 'GET', path: '/api/shows/{showId}/seats?section={section}', auth: 'public', params: { showId: id, section: nastyString } },
  { method: 'GET', path: '/api/bookings/{bookingId}', auth: 'user', params: { bookingId: id } },
  { method: 'GET', path: '/api/me/bookings', auth: 'user' },
  { method: 'GET', path: '/api/me/tickets', auth: 'user' },
  { method: 'GET', path: '/api/me/waitlist', auth: 'user' },
  { method: 'GET', path: '/api/analytics/shows/{showId}/sales', auth: 'admin', params: { showId: id } },
  { method: 'GET', path: '/api/audit/streams/{stream}?at={at}', auth: 'admin', params: { stream: fc.oneof(fc.uuid().map((u) => `booking-${u}`), nastyString), at: limit } },
  { method: 'GET', path: '/api/admin/outbox?to={to}&limit={limit}', auth: 'admin', params: { to: fc.oneof(email, nastyString), limit } },
);

// ---- venue operations: incidents --------------------------------------------------------------

const incidentLocation = fc.record(
  { showId: fc.oneof(fc.uuid(), nastyString), seatId: seatId, area: fc.string({ maxLength: 220 }) },
  { requiredKeys: [] },
);
const validReport = fc.record({
  title: fc.string({ minLength: 1, maxLength: 200 }),
  description: fc.string({ maxLength: 300 }),
  location: fc.record({ seatId: fc.constantFrom('A-1-1', 'B-2-7'), area: fc.string({ minLength: 1, maxLength: 40 }) }, { requiredKeys: [] }),
  category: fc.constantFrom('seat', 'facility', 'safety', 'cleaning', 'other'),
  urgency: fc.constantFrom('low', 'medium', 'high'),
});
const incidentStatus = fc.constantFrom('new', 'acknowledged', 'in_progress', 'pending', 'resolved', 'closed', 'open', '');
const severity = fc.constantFrom('critical', 'high', 'medium', 'low', 'urgent');
/** Mostly well-formed, so that a list request with every filter set gets past the checks often enough. */
const mostly = <T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<T>): fc.Arbitrary<T> => fc.oneof({ weight: 5, arbitrary: good }, { weight: 1, arbitrary: bad });
const incidentCursor = Buffer.from(JSON.stringify([5])).toString('base64url');

ROUTES.push(
  {
    method: 'POST',
    path: '/api/incidents',
    auth: 'user',
    body: fc.oneof(
      validReport,
      bodyOf({ title: fc.string({ maxLength: 250 }), description: fc.string({ maxLength: 300 }), location: incidentLocation, category: fc.string(), urgency: fc.string() }),
    ),
  },
  {
    method: 'PATCH',
    path: '/api/incidents/{incidentId}',
    auth: 'staff',
    params: { incidentId: id },
    body: bodyOf({
      status: incidentStatus,
      assigneeId: fc.oneof(fc.uuid(), fc.constant(null), nastyString),
      impact: fc.constantFrom('low', 'medium', 'high', 'huge'),
      severity,
      note: fc.string({ maxLength: 2100 }),
    }),
  },
  {
    method: 'GET',
    path: '/api/incidents?status={status}&severity={severity}&priority={priority}&category={category}&source={source}&venueId={venueId}&assigneeId={assigneeId}&limit={limit}&cursor={cursor}',
    auth: 'staff',
    params: {
      status: mostly(fc.constantFrom('new', 'acknowledged', 'resolved'), incidentStatus),
      severity: mostly(fc.constantFrom('critical', 'low'), severity),
      priority: mostly(fc.constantFrom('P1', 'P4'), fc.constantFrom('P0', 'p1', '')),
      category: mostly(fc.constantFrom('seat', 'safety'), fc.constantFrom('seats', 'SAFETY', '')),
      assigneeId: mostly(fc.oneof(fc.uuid(), fc.constant('none')), nastyString),
      source: mostly(fc.constantFrom('report', 'device'), fc.constant('phone')),
      venueId: mostly(fc.constant('arena'), nastyString),
      limit: mostly(fc.integer({ min: 1, max: 100 }).map(String), limit),
      cursor: mostly(fc.constant(incidentCursor), nastyString),
    },
  },
  { method: 'GET', path: '/api/incidents/recent?limit={limit}', auth: 'staff', params: { limit } },
  { method: 'GET', path: '/api/incidents/{incidentId}', auth: 'user', params: { incidentId: id } },
  { method: 'GET', path: '/api/me/incidents', auth: 'user' },
  { method: 'GET', path: '/api/stats', auth: 'staff' },
);

// ---- venue operations: devices ----------------------------------------------------------------

const deviceId = fc.oneof(fc.constantFrom('gate-1', 'pos-7', 'sensor_3'), nastyString);
const deviceType = fc.constantFrom('gate_scanner', 'turnstile', 'pos', 'sensor', 'display', 'toaster');
const reading = bodyOf({
  status: fc.constantFrom('online', 'degraded', 'offline', 'silent'),
  temperature: fc.double({ min: -200, max: 2000 }),
  battery: fc.integer({ min: -10, max: 110 }),
  errorRate: fc.double({ min: -1, max: 2 }),
  at: fc.constantFrom(new Date().toISOString(), '2030-01-01T00:00:00Z', 'yesterday'),
});
const rule = bodyOf({
  ruleId: deviceId,
  deviceTypes: fc.array(deviceType, { maxLength: 3 }),
  when: bodyOf({ field: fc.constantFrom('status', 'temperature', 'battery', 'errorRate', 'silentSeconds', 'colour'), op: fc.constantFrom('>', '<', '=', '!='), value: fc.oneof(fc.integer(), fc.constantFrom('offline', 'hot')) }),
  severity: fc.constantFrom('critical', 'high', 'medium', 'low', 'apocalyptic'),
  raiseAfterSeconds: fc.integer({ min: -5, max: 100_000 }),
  clearAfterSeconds: fc.integer({ min: -5, max: 100_000 }),
});

ROUTES.push(
  // A well-formed registration is rare among random bodies (every field must be right), so it is one of the choices.
  {
    method: 'POST',
    path: '/api/devices',
    auth: 'admin',
    body: fc.oneof(
      fc.record({ deviceId: fc.uuid(), venueId: fc.constant('arena'), type: fc.constantFrom('gate_scanner', 'pos'), name: fc.string({ minLength: 1, maxLength: 50 }) }),
      bodyOf({ deviceId, venueId: deviceId, type: deviceType, name: fc.string({ maxLength: 250 }) }),
    ),
  },
  // Without a device key every answer is 401: the fuzz checks no body makes it a 5xx or changes the log.
  { method: 'POST', path: '/api/devices/{deviceId}/telemetry', auth: 'public', params: { deviceId }, body: fc.oneof(reading, fc.array(reading, { maxLength: 3 })) },
  { method: 'GET', path: '/api/devices?venueId={venueId}&status={status}', auth: 'staff', params: { venueId: deviceId, status: fc.oneof(fc.constantFrom('online', 'silent'), nastyString) } },
  { method: 'GET', path: '/api/ops/rules', auth: 'staff' },
  {
    method: 'PUT',
    path: '/api/ops/rules',
    auth: 'admin',
    body: fc.oneof(
      fc.constant({ rules: [{ ruleId: 'hot', deviceTypes: ['pos'], when: { field: 'temperature', op: '>', value: 70 }, severity: 'high', raiseAfterSeconds: 60, clearAfterSeconds: 120 }] }),
      bodyOf({ rules: fc.array(rule, { maxLength: 3 }) }),
    ),
  },
);

// ---- live feeds -----------------------------------------------------------------------------

const feedTypes = fc.oneof(fc.constantFrom('booking.*', 'seat.held.v1,booking.*', '*', 'Booking placed', ',,'), nastyString);
const lastEventId = fc.oneof(fc.integer({ min: -5, max: 1_000_000 }).map(String), fc.constant('9'.repeat(20)), nastyString);

ROUTES.push(
  { method: 'POST', path: '/api/notifications/stream-tokens', auth: 'user' },
  // Public as routes go (EventSource sends no header); the fuzz's tokens are never valid, so no stream opens.
  {
    method: 'GET',
    path: '/api/notifications/stream?token={token}&types={types}&showId={showId}&lastEventId={lastEventId}',
    auth: 'public',
    params: { token: nastyString, types: feedTypes, showId: id, lastEventId },
  },
  { method: 'GET', path: '/api/notifications/events?limit={limit}', auth: 'staff', params: { limit } },
);
