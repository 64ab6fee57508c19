import { check, sleep } from 'k6';
import { Counter } from 'k6/metrics';
import type { Options } from 'k6/options';
import { body, createShow, EXPECTED, get, GOOD_CARD, loginAdmin, post, registerFan, type SeatMap, type Session } from './lib/api.ts';

/**
 * Soak: 30 minutes of mixed traffic at a steady 100 fans — most browse, some buy (and some of
 * those ask for a refund), some hold and walk away so that holds expire (one-minute holds). The
 * seats that come back keep the sale going. What a soak finds is drift: watch memory, the
 * projection lag and the hold-expiry backlog on the dashboards while it runs; the thresholds
 * catch latency creeping up.
 *   k6 run -e BASE_URL=http://localhost:8080 -e ADMIN_EMAIL=… -e ADMIN_PASSWORD=… load/soak.ts
 */
export const options: Options = {
  scenarios: { soak: { executor: 'constant-vus', vus: 100, duration: '30m', gracefulStop: '30s' } },
  thresholds: {
    'http_req_duration{name:hold}': ['p(99)<1000'],
    'http_req_duration{name:pay}': ['p(99)<1000'],
    'http_req_duration{name:seat map}': ['p(99)<500'],
    'http_req_duration{name:show}': ['p(99)<300'],
    http_req_failed: ['rate<0.01'],
    checks: ['rate>0.99'],
  },
};

const bought = new Counter('seats_bought');
const refunded = new Counter('bookings_refunded');
const abandoned = new Counter('holds_abandoned');

export function setup(): { showId: string } {
  return { showId: createShow(loginAdmin(), { rows: 20, seatsPerRow: 100, holdMinutes: 1, maxSeatsPerBooking: 4 }) };
}

let fan: Session | undefined;

const freeSeat = (showId: string): string | undefined => {
  const map = get(`/api/shows/${showId}/seats?section=A`, undefined, { tags: { name: 'seat map' } });
  check(map, { 'seat map: 200': (r) => r.status === 200 });
  const free = body<SeatMap>(map, 'seat map').seats.filter((seat) => seat.status === 'available');
  return free.length ? free[Math.floor(Math.random() * free.length)].seatId : undefined;
};

const hold = (showId: string, seatId: string, session: Session): string | undefined => {
  const held = post('/api/bookings', { showId, seats: [seatId] }, session.token, { tags: { name: 'hold' }, responseCallback: EXPECTED });
  check(held, { 'hold: 201 or 409': (r) => r.status === 201 || r.status === 409 });
  return held.status === 201 ? body<{ bookingId: string }>(held, 'hold').bookingId : undefined;
};

/**
 * The mix, by slot: every twenty iterations of a VU, 12 browse, 2 buy and ask for a refund, 3 buy,
 * 3 hold and walk away. VUs start at different slots, so the mix holds at any moment.
 */
const slotOf = (): number => (__ITER + 7 * __VU) % 20;

export default function soak({ showId }: { showId: string }): void {
  fan ??= registerFan('soak');
  const slot = slotOf();
  check(get(`/api/shows/${showId}`, undefined, { tags: { name: 'show' } }), { 'show: 200': (r) => r.status === 200 });
  if (slot < 12) {
    check(get('/api/shows?limit=20', undefined, { tags: { name: 'catalogue' } }), { 'catalogue: 200': (r) => r.status === 200 });
    sleep(2 + Math.random() * 3);
    return;
  }
  const seatId = freeSeat(showId);
  if (!seatId) return sleep(2);
  const bookingId = hold(showId, seatId, fan);
  if (!bookingId) return sleep(1);
  if (slot >= 17) {
    abandoned.add(1); // left to expire: the sweeper writes it down after a minute
    return sleep(2);
  }
  sleep(1 + Math.random() * 2);
  const paid = post(`/api/bookings/${bookingId}/payment`, { card: GOOD_CARD }, fan.token, { tags: { name: 'pay' }, responseCallback: EXPECTED });
  if (!check(paid, { 'pay: 200': (r) => r.status === 200 })) return;
  bought.add(1);
  check(get('/api/me/tickets', fan.token, { tags: { name: 'my tickets' } }), { 'my tickets: 200': (r) => r.status === 200 });
  if (slot < 14) {
    const cancelled = post(`/api/bookings/${bookingId}/cancel`, undefined, fan.token, { tags: { name: 'refund' } });
    if (check(cancelled, { 'refund: refunded': (r) => r.status === 200 && body<{ status: string }>(r, 'refund').status === 'refunded' })) refunded.add(1);
  }
  sleep(2 + Math.random() * 3);
}
