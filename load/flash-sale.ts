import { check, sleep } from 'k6';
import { Counter, Trend } from 'k6/metrics';
import type { Options } from 'k6/options';
import { body, createShow, EXPECTED, get, GOOD_CARD, loginAdmin, post, registerFan, type SeatMap, type Session } from './lib/api.ts';

/**
 * Flash sale: 2,000 fans ramp up on one 1,000-seat section within 30 s and fight for seats. Each
 * fan loads the seat map, picks two free seats next to each other, holds them and pays. A 409
 * (taken, or being booked this instant) is the system working: they look again.
 *
 * The run fails if a single seat is sold twice (`oversold`, counted after the sale from the read
 * side: seats in confirmed bookings against seats the seat map shows sold), or on the latency
 * thresholds. Against compose, raise the gateway's per-address limit first (docs/operations.md,
 * "Gateway limits"): 2,000 fans from one machine are one address.
 *   k6 run -e BASE_URL=http://localhost:8080 -e ADMIN_EMAIL=… -e ADMIN_PASSWORD=… load/flash-sale.ts
 */

const ROWS = 10;
const SEATS_PER_ROW = 100;
const CAPACITY = ROWS * SEATS_PER_ROW;

export const options: Options = {
  scenarios: {
    'flash-sale': {
      executor: 'ramping-vus',
      startVUs: 0,
      stages: [
        { duration: '30s', target: 2000 },
        { duration: '1m', target: 2000 },
        { duration: '10s', target: 0 },
      ],
      gracefulRampDown: '10s',
    },
  },
  setupTimeout: '2m',
  teardownTimeout: '2m',
  thresholds: {
    oversold: ['count==0'],
    'http_req_duration{name:hold}': ['p(95)<500', 'p(99)<1500'],
    'http_req_duration{name:pay}': ['p(95)<500', 'p(99)<1500'],
    'http_req_duration{name:seat map}': ['p(95)<300', 'p(99)<1000'],
    http_req_failed: ['rate<0.01'],
    checks: ['rate>0.99'],
  },
};

/** Seats sold twice: must stay 0. */
const oversold = new Counter('oversold');
const seatsBought = new Counter('seats_bought');
const holdsRefused = new Counter('holds_refused');
const holdToPaid = new Trend('hold_to_paid', true);

interface Sale {
  showId: string;
}

export function setup(): Sale {
  const admin = loginAdmin();
  return { showId: createShow(admin, { rows: ROWS, seatsPerRow: SEATS_PER_ROW, holdMinutes: 10, maxSeatsPerBooking: 4 }) };
}

// One fan per VU, signed up on its first iteration (module state is per VU in k6).
let fan: Session | undefined;
let done = false;

/** Two free seats side by side, or one, chosen at random as fans click; none when sold out. */
const pickSeats = (map: SeatMap): string[] => {
  const free = map.seats.filter((seat) => seat.status === 'available').map((seat) => seat.seatId);
  if (free.length === 0) return [];
  const first = free[Math.floor(Math.random() * free.length)];
  const [section, row, number] = first.split('-');
  const next = `${section}-${row}-${Number(number) + 1}`;
  return free.includes(next) ? [first, next] : [first];
};

export default function flashSale(sale: Sale): void {
  if (done) {
    sleep(1);
    return;
  }
  fan ??= registerFan('flash');
  const map = get(`/api/shows/${sale.showId}/seats?section=A`, undefined, { tags: { name: 'seat map' } });
  check(map, { 'seat map: 200': (r) => r.status === 200 });
  const seats = pickSeats(body<SeatMap>(map, 'seat map'));
  if (seats.length === 0) {
    done = true; // sold out (as far as the read side has seen)
    return;
  }
  const started = Date.now();
  const held = post('/api/bookings', { showId: sale.showId, seats }, fan.token, { tags: { name: 'hold' }, responseCallback: EXPECTED });
  check(held, { 'hold: 201 or 409 SEATS_UNAVAILABLE': (r) => r.status === 201 || (r.status === 409 && body<{ code: string }>(r, 'hold').code === 'SEATS_UNAVAILABLE') });
  if (held.status !== 201) {
    holdsRefused.add(1);
    sleep(Math.random());
    return;
  }
  const { bookingId } = body<{ bookingId: string }>(held, 'hold');
  sleep(1 + Math.random() * 2); // typing the card
  const paid = post(`/api/bookings/${bookingId}/payment`, { card: GOOD_CARD }, fan.token, { tags: { name: 'pay' } });
  if (check(paid, { 'pay: 200 confirmed': (r) => r.status === 200 && body<{ status: string }>(r, 'pay').status === 'confirmed' })) {
    seatsBought.add(seats.length);
    holdToPaid.add(Date.now() - started);
  }
}

interface Sales {
  byCategory: { categoryId: string; sold: number }[];
}

/** After the sale, once the read side is still: seats in confirmed bookings against seats shown sold. */
export function teardown(sale: Sale): void {
  const admin = loginAdmin();
  let last = '';
  for (let attempt = 0; attempt < 30; attempt++) {
    const sales = body<Sales>(get(`/api/analytics/shows/${sale.showId}/sales`, admin.token, { tags: { name: 'sales' } }), 'sales');
    const map = body<SeatMap>(get(`/api/shows/${sale.showId}/seats?section=A`, undefined, { tags: { name: 'seat map' } }), 'seat map');
    const ticketed = sales.byCategory.reduce((sum, category) => sum + category.sold, 0);
    const shownSold = map.seats.filter((seat) => seat.status === 'sold').length;
    const reading = `${ticketed}/${shownSold}`;
    if (reading === last) {
      const twice = Math.max(0, ticketed - shownSold) + Math.max(0, shownSold - CAPACITY);
      oversold.add(twice);
      console.log(`flash sale: ${ticketed} seats ticketed, ${shownSold} shown sold of ${CAPACITY}; oversold ${twice}`);
      return;
    }
    last = reading;
    sleep(1);
  }
  oversold.add(1);
  console.error('flash sale: the read side did not settle within 30 s; counting the run as failed');
}
