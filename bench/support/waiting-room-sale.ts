import { performance } from 'node:perf_hooks';
import { EmbeddedEventStore } from '@tessera/platform/event-store/embedded';

/**
 * The bench:holds leg of a flash sale behind a waiting room (issue 16, part 6; run with
 * HOLDS_BENCH_ROOM_ONLY=1). Against a started standalone server:
 * 1. a show of `seats` seats and a room opening in an hour, at `admitPerMinute`;
 * 2. `fans` accounts join the queue before the opening, `concurrency` requests in flight: the join
 *    throughput;
 * 3. every fan reads its place once, the same way: the position read latency (p50, p99), and each
 *    fan's position;
 * 4. the opening is moved to now; the fans at the head of the queue watch their place (the next
 *    `watchers` in queue order, each read in turn), and a fan seen admitted holds the next seat
 *    with its token and pays. Meanwhile other fans try to book without a token, with a forged one
 *    and with someone else's: every one must be refused (403);
 * 5. when every seat is sold: the admission rate from the log's admissions against the
 *    configured one, the time to sell out, the errors by cause, and the oversold seats in the log.
 */

export interface RoomSaleOptions {
  url: string;
  dataDir: string;
  stop: () => Promise<void>;
  adminToken: string;
  tokenFor: (userId: string) => Promise<string>;
  /** A show of one section `A` of `rows` rows of `seatsPerRow` seats. */
  createShow: (rows: number, seatsPerRow: number) => Promise<string>;
  fans: number;
  seats: number;
  admitPerMinute: number;
  concurrency: number;
  watchers: number;
}

export interface RoomSale {
  fans: number;
  seats: number;
  admitPerMinute: number;
  joinSeconds: number;
  joinsPerSecond: number;
  readP50: number;
  readP99: number;
  /** The same client and concurrency on GET /health/live of the same server, just before: what the machine gives any request. */
  bareP50: number;
  bareP99: number;
  barePerSecond: number;
  readsDuringSale: number;
  readDuringSaleP99: number;
  /** Admissions the log holds between the opening and the last one, over what the rate allows in that time. */
  admitted: number;
  admissionSeconds: number;
  admissionAccuracy: number;
  sellOutSeconds: number;
  confirmed: number;
  unadmittedAttempts: number;
  unadmittedSucceeded: number;
  errors: Record<string, number>;
  soldInLog: number;
  oversold: number;
}

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

const call = async (method: string, url: string, token: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> => {
  try {
    const res = await fetch(url, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
  } catch (error) {
    return { status: 0, body: { code: String((error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message) } };
  }
};

const quantile = (sorted: number[], q: number): number => (sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]);

/** Runs `work` for every item, `concurrency` at a time. */
const pooled = async <T>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<void>): Promise<void> => {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const index = next++;
        await work(items[index], index);
      }
    }),
  );
};

export const waitingRoomSale = async (options: RoomSaleOptions): Promise<RoomSale> => {
  const { url, adminToken, fans: FANS, seats: SEATS, admitPerMinute, concurrency } = options;
  const errors = new Map<string, number>();
  const failed = (what: string, answer: Answer) => errors.set(`${what} ${answer.status} ${String(answer.body.code ?? '')}`, (errors.get(`${what} ${answer.status} ${String(answer.body.code ?? '')}`) ?? 0) + 1);
  // A row takes at most 1,000 seats: seat k (from 1) is row ceil(k / 1000).
  const perRow = Math.min(SEATS, 1000);
  const seatName = (k: number) => `A-${Math.ceil(k / perRow)}-${((k - 1) % perRow) + 1}`;
  const showId = await options.createShow(Math.ceil(SEATS / perRow), perRow);
  const room = (opensAt: Date) => ({ enabled: true, opensAt: opensAt.toISOString(), admitPerMinute, tokenMinutes: 10 });
  const configured = await call('PUT', `${url}/api/shows/${showId}/waiting-room`, adminToken, room(new Date(Date.now() + 3_600_000)));
  if (configured.status !== 200) throw new Error(`waiting room: ${configured.status} ${JSON.stringify(configured.body)}`);
  const tokens = await Promise.all(Array.from({ length: FANS }, (_, i) => options.tokenFor(`room-fan-${i}`)));

  // 2. Everyone joins before the opening.
  const queueIds: string[] = new Array<string>(FANS);
  const joinStarted = performance.now();
  await pooled(tokens, concurrency, async (token, i) => {
    const joined = await call('POST', `${url}/api/shows/${showId}/queue`, token);
    if (joined.status === 201) queueIds[i] = joined.body.queueId as string;
    else failed('join', joined);
  });
  const joinSeconds = (performance.now() - joinStarted) / 1000;

  // The reference: the bare route, with the same client and concurrency, as many requests.
  const bareLatencies: number[] = [];
  const bareStarted = performance.now();
  await pooled(tokens, concurrency, async (token) => {
    const started = performance.now();
    const answer = await call('GET', `${url}/health/live`, token);
    bareLatencies.push(performance.now() - started);
    if (answer.status !== 200) failed('bare', answer);
  });
  const bareSeconds = (performance.now() - bareStarted) / 1000;
  bareLatencies.sort((a, b) => a - b);

  // 3. Everyone reads their place once.
  const positions: number[] = new Array<number>(FANS).fill(Number.POSITIVE_INFINITY);
  const readLatencies: number[] = [];
  await pooled(tokens, concurrency, async (token, i) => {
    if (!queueIds[i]) return;
    const started = performance.now();
    const place = await call('GET', `${url}/api/shows/${showId}/queue/${queueIds[i]}`, token);
    readLatencies.push(performance.now() - started);
    if (place.status === 200) positions[i] = place.body.position as number;
    else failed('read', place);
  });
  readLatencies.sort((a, b) => a - b);

  // 4. The opening, now: the head of the queue watches, the admitted buy, others try without a token.
  const order = positions.map((position, fan) => ({ position, fan })).filter((p) => Number.isFinite(p.position)).sort((a, b) => a.position - b.position).map((p) => p.fan);
  const opened = await call('PUT', `${url}/api/shows/${showId}/waiting-room`, adminToken, room(new Date()));
  if (opened.status !== 200) throw new Error(`opening: ${opened.status} ${JSON.stringify(opened.body)}`);
  const openedAt = performance.now();
  let confirmed = 0;
  let nextSeat = 1;
  let head = 0;
  let soldOutAt = 0;
  let unadmittedAttempts = 0;
  let unadmittedSucceeded = 0;
  const saleReads: number[] = [];
  const admittedTokens: string[] = [];
  const soldOut = () => confirmed >= SEATS || head >= order.length;

  const buy = async (fan: number, admission: string): Promise<void> => {
    const seat = nextSeat++;
    if (seat > SEATS) return;
    const held = await call('POST', `${url}/api/bookings`, tokens[fan], { showId, seats: [seatName(seat)] }, { 'x-admission-token': admission });
    if (held.status !== 201) return void failed('hold', held);
    const paid = await call('POST', `${url}/api/bookings/${held.body.bookingId as string}/payment`, tokens[fan], { card: { number: '4242424242424242', expMonth: 12, expYear: 2030, cvc: '123' } });
    if (paid.status !== 200) return void failed('payment', paid);
    confirmed++;
    if (confirmed === SEATS) soldOutAt = performance.now();
  };

  const purchases: Promise<void>[] = [];
  const watch = async (): Promise<void> => {
    while (!soldOut()) {
      const fan = order[head];
      const started = performance.now();
      const place = await call('GET', `${url}/api/shows/${showId}/queue/${queueIds[fan]}`, tokens[fan]);
      saleReads.push(performance.now() - started);
      if (place.status !== 200) {
        failed('read', place);
        continue;
      }
      if (place.body.admitted === true && order[head] === fan) {
        head++;
        admittedTokens.push(place.body.admissionToken as string);
        purchases.push(buy(fan, place.body.admissionToken as string));
      } else {
        await new Promise((done) => setTimeout(done, 20));
      }
    }
  };

  // Fans still waiting try their luck: no token, a forged one, and the token of someone admitted.
  const cheat = async (): Promise<void> => {
    for (let attempt = 0; !soldOut(); attempt++) {
      const fan = order[order.length - 1 - (attempt % 1000)];
      const stolen = admittedTokens[attempt % Math.max(1, admittedTokens.length)];
      const token = attempt % 3 === 0 ? undefined : attempt % 3 === 1 ? 'A1.forgedkid.x.y.z.9999999999.' + 'A'.repeat(43) : stolen;
      unadmittedAttempts++;
      const tried = await call('POST', `${url}/api/bookings`, tokens[fan], { showId, seats: [seatName(SEATS - (attempt % 50))] }, token ? { 'x-admission-token': token } : {});
      if (tried.status === 201) unadmittedSucceeded++;
      else if (tried.status !== 403) failed('unadmitted hold', tried);
      await new Promise((done) => setTimeout(done, 50));
    }
  };

  await Promise.all([...Array.from({ length: options.watchers }, watch), cheat()]);
  await Promise.all(purchases);
  const sellOutSeconds = ((soldOutAt || performance.now()) - openedAt) / 1000;
  saleReads.sort((a, b) => a - b);
  await options.stop();

  // 5. The log: admissions over time, and seats sold.
  const log = await EmbeddedEventStore.open({ dataDir: options.dataDir });
  const admissions = (await log.readStream(`queue-${showId}`)).filter((e) => e.type === 'waiting_room.admitted.v1');
  const configuredEvents = (await log.readStream(`queue-${showId}`)).filter((e) => e.type === 'waiting_room.configured.v1');
  const opensAt = Date.parse((configuredEvents[configuredEvents.length - 1].data as { opensAt: string }).opensAt);
  const last = admissions[admissions.length - 1];
  const admitted = last ? (last.data as { through: number }).through : 0;
  const admissionSeconds = last ? (Date.parse(last.metadata.occurredAt) - opensAt) / 1000 : 0;
  const soldBy = new Map<string, number>();
  for await (const event of log.readAll({ filter: { eventTypes: ['seat.sold.v1', 'seat.released.v1'] } })) {
    soldBy.set(event.stream, (soldBy.get(event.stream) ?? 0) + (event.type === 'seat.sold.v1' ? 1 : -1));
  }
  await log.close();
  const soldInLog = [...soldBy.values()].reduce((sum, n) => sum + Math.max(0, n), 0);
  const oversold = [...soldBy.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
  return {
    fans: FANS,
    seats: SEATS,
    admitPerMinute,
    joinSeconds,
    joinsPerSecond: queueIds.filter(Boolean).length / joinSeconds,
    readP50: quantile(readLatencies, 0.5),
    readP99: quantile(readLatencies, 0.99),
    bareP50: quantile(bareLatencies, 0.5),
    bareP99: quantile(bareLatencies, 0.99),
    barePerSecond: FANS / bareSeconds,
    readsDuringSale: saleReads.length,
    readDuringSaleP99: quantile(saleReads, 0.99),
    admitted,
    admissionSeconds,
    // The rate allows one place per 60/admitPerMinute s from the opening on.
    admissionAccuracy: admissionSeconds > 0 ? admitted / Math.floor((admissionSeconds * admitPerMinute) / 60) : 0,
    sellOutSeconds,
    confirmed,
    unadmittedAttempts,
    unadmittedSucceeded,
    errors: Object.fromEntries(errors),
    soldInLog,
    oversold,
  };
};
