import { Clock } from '@tessera/platform/time/clock';

/** Small HTTP helpers for the box-office tests: they talk to a started server over real HTTP. */

export interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

export const post = async <T = Record<string, unknown>>(
  url: string,
  token: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer<T>> => {
  const res = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T, headers: res.headers };
};

export interface ShowShape {
  rows?: number;
  seatsPerRow?: number;
  holdMinutes?: number;
  maxSeatsPerBooking?: number;
}

export const showBody = ({ rows = 1, seatsPerRow = 20, holdMinutes = 10, maxSeatsPerBooking = 8 }: ShowShape = {}) => ({
  name: 'Night Concert',
  venue: 'Arena',
  // Far ahead: servers on the real clock refuse a show in the past (SHOW_IN_PAST).
  startsAt: '2099-05-01T19:30:00Z',
  currency: 'EUR',
  holdMinutes,
  maxSeatsPerBooking,
  categories: [
    { id: 'vip', name: 'VIP', price: 12000 },
    { id: 'std', name: 'Standard', price: 4500 },
  ],
  sections: [
    { id: 'A', name: 'Stalls A', categoryId: 'vip', rows: Array.from({ length: rows }, (_, i) => ({ label: String(i + 1), seats: seatsPerRow })) },
  ],
});

/** Creates a show through the API and, unless told otherwise, publishes it. */
export const createShow = async (url: string, adminToken: string, shape: ShowShape = {}, publish = true): Promise<string> => {
  const created = await post<{ showId: string }>(`${url}/api/shows`, adminToken, showBody(shape));
  if (created.status !== 201) throw new Error(`create show: ${created.status} ${JSON.stringify(created.body)}`);
  if (publish) {
    const published = await post(`${url}/api/shows/${created.body.showId}/publish`, adminToken);
    if (published.status !== 200) throw new Error(`publish show: ${published.status} ${JSON.stringify(published.body)}`);
  }
  return created.body.showId;
};

// Valid for as long as the tests will run: a card past its expiry month is refused (CARD_EXPIRED).
export const GOOD_CARD = { number: '4242 4242 4242 4242', expMonth: 12, expYear: 2099, cvc: '123' };
export const DECLINED_CARD = { number: '4000 0000 0000 0002', expMonth: 12, expYear: 2099, cvc: '123' };

/** A clock the test moves by hand, injected through overrides.clock. */
export class ManualClock extends Clock {
  constructor(private millis = Date.parse('2027-04-01T10:00:00.000Z')) {
    super();
  }
  now(): Date {
    return new Date(this.millis);
  }
  advance(ms: number): void {
    this.millis += ms;
  }
}
