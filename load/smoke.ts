import { check, group } from 'k6';
import http from 'k6/http';
import type { Options } from 'k6/options';
import { body, createShow, get, GOOD_CARD, loginAdmin, post, registerFan, unique } from './lib/api.ts';

/**
 * Smoke: every main route once, with checks, by one user. Run it after every deploy:
 *   k6 run -e BASE_URL=http://localhost:8080 -e ADMIN_EMAIL=… -e ADMIN_PASSWORD=… load/smoke.ts
 * Any failed check or unexpected status fails the run.
 */
export const options: Options = {
  scenarios: { smoke: { executor: 'shared-iterations', vus: 1, iterations: 1, maxDuration: '1m' } },
  thresholds: {
    checks: ['rate==1'],
    http_req_failed: ['rate==0'],
    http_req_duration: ['p(95)<1000'],
  },
};

interface Booking {
  bookingId: string;
  status: string;
  tickets: { ticketId: string; seatId: string; code: string }[];
}

export default function smoke(): void {
  const admin = loginAdmin();
  const fan = registerFan('smoke');
  const friend = registerFan('friend');
  let showId = '';

  group('accounts', () => {
    check(get('/health'), { 'health: 200': (r) => r.status === 200 });
    check(get('/api/auth/me', fan.token), { 'me: 200': (r) => r.status === 200 && body<{ email: string }>(r, 'me').email === fan.email });
    const refreshed = post('/api/auth/refresh', { refreshToken: fan.refreshToken });
    check(refreshed, { 'refresh: 200 with a new refresh token': (r) => r.status === 200 && body<{ refreshToken: string }>(r, 'refresh').refreshToken !== fan.refreshToken });
    fan.refreshToken = body<{ refreshToken: string }>(refreshed, 'refresh').refreshToken;
  });

  group('browse', () => {
    showId = createShow(admin, { rows: 1, seatsPerRow: 10 });
    check(get('/api/shows', undefined, { tags: { name: 'catalogue' } }), { 'catalogue: 200': (r) => r.status === 200 });
    check(get(`/api/shows/${showId}`, undefined, { tags: { name: 'show' } }), { 'show: 200': (r) => r.status === 200 });
    check(get(`/api/shows/${showId}/seats?section=A`, undefined, { tags: { name: 'seat map' } }), {
      'seat map: 10 seats': (r) => r.status === 200 && body<{ seats: unknown[] }>(r, 'seats').seats.length === 10,
    });
  });

  group('buy', () => {
    const held = post('/api/bookings', { showId, seats: ['A-1-1'] }, fan.token, { headers: { 'idempotency-key': unique() }, tags: { name: 'hold' } });
    check(held, { 'hold: 201 held': (r) => r.status === 201 && body<Booking>(r, 'hold').status === 'held' });
    const { bookingId } = body<Booking>(held, 'hold');
    const paid = post(`/api/bookings/${bookingId}/payment`, { card: GOOD_CARD }, fan.token, { headers: { 'idempotency-key': unique() }, tags: { name: 'pay' } });
    check(paid, { 'pay: 200 confirmed with a ticket': (r) => r.status === 200 && body<Booking>(r, 'pay').tickets.length === 1 });
    const [ticket] = body<Booking>(paid, 'pay').tickets;
    const minPosition = { 'x-min-position': String(body<{ position: string }>(paid, 'pay').position) };
    check(get(`/api/bookings/${bookingId}`, fan.token, { headers: minPosition, tags: { name: 'booking' } }), {
      'booking: confirmed': (r) => r.status === 200 && body<Booking>(r, 'booking').status === 'confirmed',
    });
    check(get('/api/me/bookings', fan.token, { headers: minPosition }), { 'my bookings: 200': (r) => r.status === 200 });
    check(get('/api/me/tickets', fan.token, { headers: minPosition }), { 'my tickets: 200': (r) => r.status === 200 });

    const transferred = post(`/api/tickets/${ticket.ticketId}/transfer`, { toEmail: friend.email }, fan.token, { tags: { name: 'transfer' } });
    check(transferred, { 'transfer: 200 with a new code': (r) => r.status === 200 && body<{ code: string }>(r, 'transfer').code !== ticket.code });
    const { code } = body<{ code: string }>(transferred, 'transfer');
    check(post('/api/checkins', { code }, admin.token, { tags: { name: 'check-in' } }), { 'check-in: 200': (r) => r.status === 200 });
    check(post('/api/checkins', { code }, admin.token, { tags: { name: 'check-in' }, responseCallback: http.expectedStatuses(409) }), {
      'second check-in: 409 ALREADY_CHECKED_IN': (r) => r.status === 409 && body<{ code: string }>(r, 'check-in').code === 'ALREADY_CHECKED_IN',
    });

    const dropped = post('/api/bookings', { showId, seats: ['A-1-2'] }, fan.token, { tags: { name: 'hold' } });
    check(dropped, { 'second hold: 201': (r) => r.status === 201 });
    check(post(`/api/bookings/${body<Booking>(dropped, 'hold').bookingId}/cancel`, undefined, fan.token, { tags: { name: 'cancel' } }), {
      'cancel: cancelled': (r) => r.status === 200 && body<Booking>(r, 'cancel').status === 'cancelled',
    });
    check(get(`/api/audit/streams/booking-${bookingId}`, admin.token, { tags: { name: 'audit' } }), { 'audit: 200': (r) => r.status === 200 });
  });

  group('analytics', () => {
    check(get(`/api/analytics/shows/${showId}/sales`, admin.token, { tags: { name: 'sales' } }), { 'sales: 200': (r) => r.status === 200 });
  });

  group('sign out', () => {
    check(post('/api/auth/logout', { refreshToken: fan.refreshToken }, undefined, { tags: { name: 'logout' } }), { 'logout: 204': (r) => r.status === 204 });
  });
}
