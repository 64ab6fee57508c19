import { randomUUID } from 'node:crypto';
import { voucherStream } from '@tessera/contracts';
import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { createShow, GOOD_CARD, ManualClock, post } from '../box-office/box-office-client';
import { accessTokenFor } from '../support/auth';
import { startTestApp, type TestApp } from '../support/test-app';

/** Vouchers over HTTP against a started server (API.md, On-sale): creating them, and the discounted bookings they give. */
describe('vouchers', () => {
  let server: TestApp;
  let admin: string;
  let store: EventStore;

  const voucher = (overrides: Record<string, unknown> = {}) => ({ code: `V${randomUUID().slice(0, 8)}`, kind: 'percent', value: 10, maxUses: 5, perUser: 1, ...overrides });
  const createVoucher = (showId: string, body: unknown, token = admin) => post<Record<string, unknown>>(`${server.url}/api/shows/${showId}/vouchers`, token, body);
  const book = (token: string, showId: string, seats: string[], voucherCode?: string) =>
    post<Record<string, unknown>>(`${server.url}/api/bookings`, token, { showId, seats, ...(voucherCode === undefined ? {} : { voucherCode }) });
  const usesOf = async (showId: string, code: string) => {
    const events = await store.readStream(voucherStream(showId, code));
    return events.filter((e) => e.type === 'voucher.redeemed.v1').length - events.filter((e) => e.type === 'voucher.released.v1').length;
  };

  beforeAll(async () => {
    server = await startTestApp();
    admin = await accessTokenFor(server, `admin-${randomUUID()}`, ['admin']);
    store = server.app.get(EventStore);
  });

  afterAll(async () => {
    await server?.close();
  });

  it('creates a voucher (201, the code in upper case), once: 409 VOUCHER_EXISTS in any spelling', async () => {
    const showId = await createShow(server.url, admin);
    const created = await createVoucher(showId, voucher({ code: ' summer-10 ' }));
    expect(created).toMatchObject({ status: 201, body: { showId, code: 'SUMMER-10', position: expect.stringMatching(/^\d+$/) } });
    expect(created.headers.get('x-position')).toBe(created.body.position);
    expect(await createVoucher(showId, voucher({ code: 'Summer-10', value: 50 }))).toMatchObject({ status: 409, body: { code: 'VOUCHER_EXISTS' } });
  });

  it('refuses a bad voucher with 400, an unknown show with 404, and anyone but an admin with 403', async () => {
    const showId = await createShow(server.url, admin);
    for (const body of [voucher({ kind: 'half' }), voucher({ value: 101 }), voucher({ value: 0 }), voucher({ code: 'a b' }), voucher({ categoryIds: ['nope'] }), voucher({ perUser: 9 }), voucher({ validFrom: '2030-01-02T00:00:00Z', validUntil: '2030-01-01T00:00:00Z' }), voucher({ extra: 1 })]) {
      expect({ body, status: (await createVoucher(showId, body)).status }).toEqual({ body, status: 400 });
    }
    expect(await createVoucher(randomUUID(), voucher())).toMatchObject({ status: 404, body: { code: 'SHOW_NOT_FOUND' } });
    const fan = await accessTokenFor(server, `fan-${randomUUID()}`);
    const staff = await accessTokenFor(server, `staff-${randomUUID()}`, ['staff']);
    for (const token of [fan, staff]) expect((await createVoucher(showId, voucher(), token)).status).toBe(403);
  });

  it('discounts a booking: the amount after the voucher, and the discount in the answer', async () => {
    const showId = await createShow(server.url, admin);
    const { body } = await createVoucher(showId, voucher({ code: 'TENOFF', value: 10 }));
    const fan = await accessTokenFor(server, `fan-${randomUUID()}`);
    const held = await book(fan, showId, ['A-1-1', 'A-1-2'], 'tenoff');
    expect(held).toMatchObject({ status: 201, body: { amount: 21_600, currency: 'EUR', discount: { code: body.code, amount: 2_400 } } });
    // The per-user limit: the same fan again is refused, and nothing is held.
    expect(await book(fan, showId, ['A-1-3'], 'TENOFF')).toMatchObject({ status: 422, body: { code: 'VOUCHER_EXHAUSTED' } });
    expect(await book(fan, showId, ['A-1-3'], 'NOSUCHCODE')).toMatchObject({ status: 422, body: { code: 'VOUCHER_INVALID' } });
    expect(await book(fan, showId, ['A-1-3'])).toMatchObject({ status: 201, body: { amount: 12_000 } });

    // Paid: the analytics tell the revenue before and after the discount.
    const paid = await post<{ position: string }>(`${server.url}/api/bookings/${String(held.body.bookingId)}/payment`, fan, { card: GOOD_CARD });
    expect(paid).toMatchObject({ status: 200, body: { status: 'confirmed' } });
    const sales = await fetch(`${server.url}/api/analytics/shows/${showId}/sales`, { headers: { authorization: `Bearer ${admin}`, 'x-min-position': paid.body.position } });
    expect(await sales.json()).toMatchObject({ bookingsConfirmed: 1, revenueBeforeDiscounts: 24_000, discounts: 2_400, revenueAfterDiscounts: 21_600 });
  });

  it('refuses outside the window and for other categories: 422 VOUCHER_INVALID', async () => {
    const showId = await createShow(server.url, admin);
    await createVoucher(showId, voucher({ code: 'LATER', validFrom: '2098-01-01T00:00:00Z' }));
    await createVoucher(showId, voucher({ code: 'PAST', validUntil: '2020-01-01T00:00:00Z' }));
    await createVoucher(showId, voucher({ code: 'STDONLY', categoryIds: ['std'] }));
    const fan = await accessTokenFor(server, `fan-${randomUUID()}`);
    for (const code of ['LATER', 'PAST', 'STDONLY']) expect(await book(fan, showId, ['A-1-1'], code)).toMatchObject({ status: 422, body: { code: 'VOUCHER_INVALID' } });
  });

  it('gives a cancelled booking’s use back, once', async () => {
    const showId = await createShow(server.url, admin);
    await createVoucher(showId, voucher({ code: 'ONCE', maxUses: 1 }));
    const [first, second] = [await accessTokenFor(server, `fan-${randomUUID()}`), await accessTokenFor(server, `fan-${randomUUID()}`)];
    const held = await book(first, showId, ['A-1-1'], 'ONCE');
    expect(held.status).toBe(201);
    expect(await book(second, showId, ['A-1-2'], 'ONCE')).toMatchObject({ status: 422, body: { code: 'VOUCHER_EXHAUSTED' } });
    expect((await post(`${server.url}/api/bookings/${String(held.body.bookingId)}/cancel`, first)).status).toBe(200);
    expect(await usesOf(showId, 'ONCE')).toBe(0);
    expect((await post(`${server.url}/api/bookings/${String(held.body.bookingId)}/cancel`, first)).status).toBeLessThan(500);
    expect(await usesOf(showId, 'ONCE')).toBe(0);
    expect(await book(second, showId, ['A-1-2'], 'ONCE')).toMatchObject({ status: 201, body: { discount: { code: 'ONCE' } } });
    expect(await usesOf(showId, 'ONCE')).toBe(1);
  });

  it('discounts an asynchronous placement too (Prefer: respond-async carries the code in the request)', async () => {
    const showId = await createShow(server.url, admin);
    await createVoucher(showId, voucher({ code: 'LATER-10', kind: 'amount', value: 1_000 }));
    const fan = await accessTokenFor(server, `fan-${randomUUID()}`);
    const pending = await post<{ bookingId: string }>(`${server.url}/api/bookings`, fan, { showId, seats: ['A-1-1'], voucherCode: 'later-10' }, { prefer: 'respond-async' });
    expect(pending.status).toBe(202);
    const deadline = Date.now() + 10_000;
    let placed = (await store.readStream(`booking-${pending.body.bookingId}`)).find((event) => event.type === 'booking.placed.v1');
    while (!placed && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      placed = (await store.readStream(`booking-${pending.body.bookingId}`)).find((event) => event.type === 'booking.placed.v1');
    }
    expect(placed?.data).toMatchObject({ amount: 11_000, discount: { code: 'LATER-10', amount: 1_000 } });
    expect(await usesOf(showId, 'LATER-10')).toBe(1);
  });

  it('500 concurrent bookings on a 50-use voucher give exactly 50 discounted bookings', async () => {
    const showId = await createShow(server.url, admin, { rows: 25, seatsPerRow: 20 });
    await createVoucher(showId, voucher({ code: 'FLASH50', maxUses: 50, perUser: 1, value: 50 }));
    const fans = await Promise.all(Array.from({ length: 500 }, () => accessTokenFor(server, `fan-${randomUUID()}`)));
    const answers = await Promise.all(fans.map((token, i) => book(token, showId, [`A-${Math.floor(i / 20) + 1}-${(i % 20) + 1}`], 'FLASH50')));
    const discounted = answers.filter((answer) => answer.status === 201 && (answer.body.discount as { amount: number } | undefined)?.amount === 6_000);
    const outcomes = answers.reduce<Record<string, number>>((counts, { status, body }) => {
      const key = `${status} ${String(body.code ?? '')}`.trim();
      return { ...counts, [key]: (counts[key] ?? 0) + 1 };
    }, {});
    expect(discounted).toHaveLength(50);
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(50);
    // Every other answer is the voucher running out (or, rarely, a retryable conflict): none is a 5xx.
    expect(Object.keys(outcomes).sort()).toEqual(expect.arrayContaining(['201', '422 VOUCHER_EXHAUSTED']));
    for (const key of Object.keys(outcomes)) expect(['201', '422 VOUCHER_EXHAUSTED', '409 CONCURRENCY_CONFLICT']).toContain(key);
    expect(await usesOf(showId, 'FLASH50')).toBe(50);
  }, 120_000);
});

describe('vouchers and expired holds', () => {
  let server: TestApp;
  const clock = new ManualClock();

  beforeAll(async () => {
    server = await startTestApp({ overrides: { clock }, env: { SWEEP_INTERVAL_MS: '20' } });
  });

  afterAll(async () => {
    await server?.close();
  });

  it('an expired hold gives its use back (the sweeper appends the release with the expiry), once', async () => {
    const admin = await accessTokenFor(server, `admin-${randomUUID()}`, ['admin']);
    const [first, second] = [await accessTokenFor(server, `fan-${randomUUID()}`), await accessTokenFor(server, `fan-${randomUUID()}`)];
    const showId = await createShow(server.url, admin, { holdMinutes: 1 });
    expect((await post(`${server.url}/api/shows/${showId}/vouchers`, admin, { code: 'HOLDBACK', kind: 'amount', value: 500, maxUses: 1, perUser: 1 })).status).toBe(201);
    const held = await post<{ bookingId: string }>(`${server.url}/api/bookings`, first, { showId, seats: ['A-1-1'], voucherCode: 'HOLDBACK' });
    expect(held).toMatchObject({ status: 201, body: { amount: 11_500, discount: { code: 'HOLDBACK', amount: 500 } } });
    expect(await post(`${server.url}/api/bookings`, second, { showId, seats: ['A-1-2'], voucherCode: 'HOLDBACK' })).toMatchObject({ status: 422, body: { code: 'VOUCHER_EXHAUSTED' } });

    clock.advance(61_000);
    const store = server.app.get(EventStore);
    const typesOf = async () => (await store.readStream(voucherStream(showId, 'HOLDBACK'))).map((event) => event.type);
    const deadline = Date.now() + 10_000;
    while (!(await typesOf()).includes('voucher.released.v1') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await store.readStream(`booking-${held.body.bookingId}`)).map((event) => event.type)).toContain('booking.expired.v1');

    const again = await post(`${server.url}/api/bookings`, second, { showId, seats: ['A-1-2'], voucherCode: 'HOLDBACK' });
    expect(again).toMatchObject({ status: 201, body: { discount: { code: 'HOLDBACK', amount: 500 } } });
    // A later sweep finds nothing more to give back.
    clock.advance(1_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await typesOf()).toEqual(['voucher.created.v1', 'voucher.redeemed.v1', 'voucher.released.v1', 'voucher.redeemed.v1']);
  });
});
