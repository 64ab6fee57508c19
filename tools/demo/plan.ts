import type { CreateShowRequest, IncidentCategory, IncidentImpact, IncidentStatus, IncidentUrgency } from '@tessera/contracts';

/**
 * What `npm run demo` puts on a server: the accounts, three shows, the sales and the incidents,
 * as plain data. It is the same on every run (the bookings come from a seeded generator), so a
 * re-run sends the same requests under the same Idempotency-Keys and doubles nothing; the e2e test
 * reads it to know what the server must hold afterwards.
 */

export type AccountKey = string;
export type ShowKey = 'arena' | 'theatre' | 'club';

export interface DemoAccount {
  key: AccountKey;
  email: string;
  displayName: string;
  role: 'user' | 'staff';
}

export interface DemoShow {
  key: ShowKey;
  /** Days from today (UTC) and the time of day the show starts: a re-run on the same day sends the same body. */
  daysAhead: number;
  startsAtTime: string;
  /** The venue id the simulated devices use, for the arena. */
  venueId: string;
  request: Omit<CreateShowRequest, 'startsAt'>;
}

/** A booking ends as a hold (not paid), a paid booking with tickets, or a paid booking cancelled and refunded. */
export type BookingOutcome = 'held' | 'paid' | 'refunded';

/** The booking's status when the outcome is reached (GET /api/bookings/{id}). */
export const BOOKING_STATUS = { held: 'held', paid: 'confirmed', refunded: 'refunded' } as const satisfies Record<BookingOutcome, string>;

export interface DemoBooking {
  key: string;
  show: ShowKey;
  fan: AccountKey;
  seats: string[];
  outcome: BookingOutcome;
}

export interface DemoTransfer {
  booking: string;
  seatId: string;
  to: AccountKey;
}

export interface DemoCheckIn {
  booking: string;
  seatId: string;
}

export interface DemoIncident {
  key: string;
  reporter: AccountKey;
  show: ShowKey;
  title: string;
  description: string;
  seatId?: string;
  area?: string;
  category: IncidentCategory;
  urgency: IncidentUrgency;
  /** Where staff have taken it, through the workflow's steps (INCIDENT_PATHS). */
  status: IncidentStatus;
  assignee?: AccountKey;
  impact?: IncidentImpact;
  note?: string;
}

export const DEMO_PASSWORD = 'Tessera-Demo-Lantern-2027';

/** The test card that succeeds, with an expiry far enough ahead that the body stays the same for years. */
export const DEMO_CARD = { number: '4242424242424242', expMonth: 12, expYear: 2035, cvc: '123' };

export const ACCOUNTS: readonly DemoAccount[] = [
  { key: 'sam', email: 'sam.okafor@example.com', displayName: 'Sam Okafor', role: 'staff' },
  { key: 'priya', email: 'priya.raman@example.com', displayName: 'Priya Raman', role: 'staff' },
  ...[
    ['maya', 'Maya Chen'],
    ['lucas', 'Lucas Martin'],
    ['amara', 'Amara Diallo'],
    ['jonas', 'Jonas Berg'],
    ['sofia', 'Sofia Rossi'],
    ['kenji', 'Kenji Watanabe'],
    ['elena', 'Elena Petrova'],
    ['omar', 'Omar Haddad'],
    ['nora', 'Nora Lindqvist'],
    ['diego', 'Diego Alvarez'],
  ].map(([key, displayName]): DemoAccount => ({ key, email: `${displayName.toLowerCase().replace(' ', '.')}@example.com`, displayName, role: 'user' })),
];

export const FANS = ACCOUNTS.filter((account) => account.role === 'user');
export const STAFF = ACCOUNTS.filter((account) => account.role === 'staff');

const rows = (count: number, seats: number, label: (index: number) => string = (index) => String(index + 1)) =>
  Array.from({ length: count }, (_, index) => ({ label: label(index), seats }));
const letter = (index: number): string => String.fromCharCode(65 + index);
const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, index) => from + index);

/** 60,000 seats: a floor of four blocks (VVIP and VIP), 16 lower-bowl and 20 upper-bowl sections. */
const ARENA: DemoShow = {
  key: 'arena',
  daysAhead: 45,
  startsAtTime: '19:30',
  venueId: 'aurora-arena',
  request: {
    name: 'Northern Lights World Tour',
    venue: 'Aurora Arena',
    currency: 'EUR',
    holdMinutes: 60,
    maxSeatsPerBooking: 8,
    categories: [
      { id: 'vvip', name: 'VVIP', price: 34900 },
      { id: 'vip', name: 'VIP', price: 18900 },
      { id: 'lower', name: 'Lower Bowl', price: 8900 },
      { id: 'upper', name: 'Upper Bowl', price: 4900 },
    ],
    sections: [
      ...['A', 'B'].map((block) => ({ id: `F${block}`, name: `Floor ${block}`, categoryId: 'vvip', rows: rows(20, 50) })),
      ...['C', 'D'].map((block) => ({ id: `F${block}`, name: `Floor ${block}`, categoryId: 'vip', rows: rows(20, 50) })),
      ...range(101, 116).map((number) => ({ id: `L${number}`, name: `Lower ${number}`, categoryId: 'lower', rows: rows(25, 40) })),
      ...range(201, 220).map((number) => ({ id: `U${number}`, name: `Upper ${number}`, categoryId: 'upper', rows: rows(40, 50) })),
    ],
  },
};

const THEATRE: DemoShow = {
  key: 'theatre',
  daysAhead: 21,
  startsAtTime: '19:00',
  venueId: 'harbour-theatre',
  request: {
    name: "A Midsummer Night's Dream",
    venue: 'Harbour Theatre',
    currency: 'GBP',
    holdMinutes: 30,
    maxSeatsPerBooking: 6,
    categories: [
      { id: 'vip', name: 'VIP Box', price: 9500 },
      { id: 'premium', name: 'Premium Stalls', price: 6500 },
      { id: 'circle', name: 'Dress Circle', price: 4500 },
      { id: 'upper', name: 'Upper Circle', price: 2500 },
    ],
    sections: [
      { id: 'BOX', name: 'Boxes', categoryId: 'vip', rows: rows(4, 6, letter) },
      { id: 'ST', name: 'Stalls', categoryId: 'premium', rows: rows(20, 30, letter) },
      { id: 'DC', name: 'Dress Circle', categoryId: 'circle', rows: rows(10, 28, letter) },
      { id: 'UC', name: 'Upper Circle', categoryId: 'upper', rows: rows(12, 26, letter) },
    ],
  },
};

const CLUB: DemoShow = {
  key: 'club',
  daysAhead: 2,
  startsAtTime: '21:00',
  venueId: 'riverside-jazz-club',
  request: {
    name: 'Late Set: Nina Vale Quartet',
    venue: 'Riverside Jazz Club',
    currency: 'EUR',
    holdMinutes: 20,
    maxSeatsPerBooking: 4,
    categories: [
      { id: 'vip', name: 'VIP Table', price: 6500 },
      { id: 'std', name: 'Standard', price: 3000 },
    ],
    sections: [
      { id: 'T', name: 'Tables', categoryId: 'vip', rows: rows(6, 8) },
      { id: 'M', name: 'Main Room', categoryId: 'std', rows: rows(8, 20, letter) },
      { id: 'BAR', name: 'Bar', categoryId: 'std', rows: rows(1, 16) },
    ],
  },
};

export const SHOWS: readonly DemoShow[] = [ARENA, THEATRE, CLUB];

export const showOf = (key: ShowKey): DemoShow => SHOWS.find((show) => show.key === key) as DemoShow;

/** The show's start: `daysAhead` days after `today` (UTC), at its time. */
export const startsAtOf = (show: DemoShow, today: Date): string => {
  const day = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + show.daysAhead));
  return `${day.toISOString().slice(0, 10)}T${show.startsAtTime}:00Z`;
};

/** mulberry32: a small seeded generator, so the plan is the same on every run. */
const seeded = (seed: number) => (): number => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/** How many bookings each show gets, by outcome; the front categories sell first. */
const SALES: Record<ShowKey, { outcomes: Record<BookingOutcome, number>; categoryWeights: Record<string, number> }> = {
  arena: { outcomes: { paid: 60, held: 5, refunded: 1 }, categoryWeights: { vvip: 4, vip: 3, lower: 2, upper: 2 } },
  theatre: { outcomes: { paid: 30, held: 3, refunded: 1 }, categoryWeights: { vip: 1, premium: 4, circle: 2, upper: 1 } },
  club: { outcomes: { paid: 14, held: 2, refunded: 0 }, categoryWeights: { vip: 2, std: 3 } },
};

/** Side-by-side seats in one row, none taken by an earlier booking of the plan. */
const pickSeats = (show: DemoShow, random: () => number, taken: Set<string>): string[] => {
  const weights = SALES[show.key].categoryWeights;
  const total = Object.values(weights).reduce((sum, weight) => sum + weight, 0);
  for (;;) {
    let draw = random() * total;
    const categoryId = Object.keys(weights).find((id) => (draw -= weights[id]) < 0) ?? Object.keys(weights)[0];
    const sections = show.request.sections.filter((section) => section.categoryId === categoryId);
    const section = sections[Math.floor(random() * sections.length)];
    // Front rows first: the square biases the draw towards row 1.
    const row = section.rows[Math.floor(random() ** 2 * section.rows.length)];
    const count = Math.min(show.request.maxSeatsPerBooking, 1 + Math.floor(random() * 4));
    const first = 1 + Math.floor(random() * (row.seats - count + 1));
    const seats = Array.from({ length: count }, (_, index) => `${section.id}-${row.label}-${first + index}`);
    if (seats.some((seat) => taken.has(seat))) continue;
    for (const seat of seats) taken.add(seat);
    return seats;
  }
};

const planBookings = (): DemoBooking[] => {
  const random = seeded(14);
  const bookings: DemoBooking[] = [];
  for (const show of SHOWS) {
    const taken = new Set<string>();
    const { outcomes } = SALES[show.key];
    const order: BookingOutcome[] = [
      ...Array<BookingOutcome>(outcomes.paid).fill('paid'),
      ...Array<BookingOutcome>(outcomes.refunded).fill('refunded'),
      ...Array<BookingOutcome>(outcomes.held).fill('held'),
    ];
    order.forEach((outcome, index) => {
      const fan = FANS[Math.floor(random() * FANS.length)].key;
      bookings.push({ key: `${show.key}-${index + 1}`, show: show.key, fan, seats: pickSeats(show, random, taken), outcome });
    });
  }
  return bookings;
};

export const BOOKINGS: readonly DemoBooking[] = planBookings();

export const bookingOf = (key: string): DemoBooking => BOOKINGS.find((booking) => booking.key === key) as DemoBooking;

/** A paid booking's first seat goes to another fan, at the arena and at the theatre. */
export const TRANSFERS: readonly DemoTransfer[] = (['arena-2', 'theatre-2'] as const).map((key) => {
  const booking = bookingOf(key);
  const to = FANS.find((fan) => fan.key !== booking.fan) as DemoAccount;
  return { booking: key, seatId: booking.seats[0], to: to.key };
});

/** Doors are open at the jazz club: the tickets of its first five paid bookings are scanned. */
export const CHECK_INS: readonly DemoCheckIn[] = BOOKINGS.filter((booking) => booking.show === 'club' && booking.outcome === 'paid')
  .slice(0, 5)
  .flatMap((booking) => booking.seats.map((seatId) => ({ booking: booking.key, seatId })));

/** The workflow's steps, in order, to each status (API.md, Venue operations). */
export const INCIDENT_PATHS: Record<IncidentStatus, IncidentStatus[]> = {
  new: [],
  acknowledged: ['acknowledged'],
  in_progress: ['acknowledged', 'in_progress'],
  pending: ['acknowledged', 'in_progress', 'pending'],
  resolved: ['acknowledged', 'in_progress', 'resolved'],
  closed: ['acknowledged', 'in_progress', 'resolved', 'closed'],
};

export const INCIDENTS: readonly DemoIncident[] = [
  {
    key: 'broken-seat',
    reporter: 'maya',
    show: 'arena',
    title: 'Seat FA-3-12 is broken',
    description: 'The seat will not fold down and the armrest is loose.',
    seatId: 'FA-3-12',
    area: 'Floor A',
    category: 'seat',
    urgency: 'medium',
    status: 'in_progress',
    assignee: 'sam',
    note: 'Carpenter on the way with a spare seat.',
  },
  {
    key: 'spilled-drink',
    reporter: 'lucas',
    show: 'theatre',
    title: 'Spilled drink on the Dress Circle stairs',
    description: 'Sticky and slippery, right by the entrance to row C.',
    area: 'Dress Circle',
    category: 'cleaning',
    urgency: 'high',
    status: 'acknowledged',
    assignee: 'priya',
  },
  {
    key: 'cold-table',
    reporter: 'amara',
    show: 'club',
    title: 'Air conditioning far too cold at the tables',
    description: 'The vent above table row 4 blows straight down on us.',
    area: 'Tables',
    category: 'facility',
    urgency: 'low',
    status: 'new',
  },
  {
    key: 'lost-child',
    reporter: 'jonas',
    show: 'arena',
    title: 'Lost child at the merchandise stand',
    description: 'A boy of about seven is looking for his parents at the north merchandise stand.',
    area: 'North concourse',
    category: 'safety',
    urgency: 'high',
    status: 'resolved',
    assignee: 'sam',
    impact: 'high',
    note: 'Reunited with his parents at the information desk.',
  },
  {
    key: 'restricted-view',
    reporter: 'sofia',
    show: 'theatre',
    title: 'Pillar blocks the stage from UC-L-3',
    description: 'Half of the stage is hidden behind a pillar; the ticket did not say restricted view.',
    seatId: 'UC-L-3',
    area: 'Upper Circle',
    category: 'other',
    urgency: 'low',
    status: 'closed',
    assignee: 'priya',
    note: 'Moved to UC-K-10; the seat map will mark UC-L-3 as restricted.',
  },
  {
    key: 'toilets',
    reporter: 'kenji',
    show: 'arena',
    title: 'Toilets on level 2 out of order',
    description: 'Both the men\'s and the women\'s toilets by section 204 are closed.',
    area: 'Level 2, by section 204',
    category: 'facility',
    urgency: 'medium',
    status: 'pending',
    assignee: 'sam',
    note: 'Waiting for the plumbing contractor.',
  },
  {
    key: 'turnstile',
    reporter: 'sam',
    show: 'arena',
    title: 'Turnstile 4 at the north gate jammed',
    description: 'It locks after every second entry; queue building up.',
    area: 'North gate',
    category: 'facility',
    urgency: 'high',
    status: 'in_progress',
    assignee: 'sam',
    impact: 'high',
    note: 'Fans redirected to turnstiles 3 and 5 meanwhile.',
  },
  {
    key: 'broken-glass',
    reporter: 'priya',
    show: 'club',
    title: 'Broken glass by the bar',
    description: 'A tray of glasses was dropped at the end of the bar.',
    area: 'Bar',
    category: 'safety',
    urgency: 'high',
    status: 'resolved',
    assignee: 'priya',
    note: 'Swept up and the floor mopped.',
  },
  {
    key: 'exit-sign',
    reporter: 'sam',
    show: 'theatre',
    title: 'Fire exit sign flickering in the stalls',
    description: 'The sign above the left stalls exit keeps going dark.',
    area: 'Stalls, left exit',
    category: 'safety',
    urgency: 'medium',
    status: 'new',
  },
];
