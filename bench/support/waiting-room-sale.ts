import { performance } from 'node:perf_hooks';
import { EmbeddedEventStore } from '@tessera/platform/event-store/embedded';
import type { ListAnswer } from './closed-loop-load';
import { runLoadPhase, type LoadPhase } from './load-phase';

/**
 * The bench:holds leg of a flash sale behind a waiting room (issue 16, part 6; run with
 * HOLDS_BENCH_ROOM_ONLY=1). Against a started standalone server:
 * 1. a show of `seats` seats and a room opening in an hour, at `admitPerMinute`;
 * 2. `fans` accounts, each signed in beforehand (its own token), join the queue before the
 *    opening, `concurrency` requests in flight on keep-alive connections from the load generator
 *    (bench/support/closed-loop-load.ts, a process of its own, so the figures are the server's):
 *    the join throughput. The bare route then takes the same list of fans from the same generator:
 *    the client's and the machine's ceiling;
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
  /** Connections of the second pass of joins (on a second show). */
  wideConcurrency: number;
  /** The mean pause between a connection's reads in the second, paced pass of position reads. */
  readPauseMs: number;
  /** The server's process, whose CPU per request the load generator's phases report. */
  serverPid: number | undefined;
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
  joinP50: number;
  joinP99: number;
  /** The log's write + fdatasync rounds while the fans joined, their mean time, and joins per round. */
  joinRounds: number;
  joinRoundMs: number;
  joinsPerRound: number;
  wideConcurrency: number;
  wideJoinsPerSecond: number;
  wideJoinP99: number;
  wideJoinCpuMs: number;
  wideJoinsPerRound: number;
  wideJoinRoundMs: number;
  /** Server CPU (all threads) per join and per position read, ms. */
  joinCpuMs: number;
  readCpuMs: number;
  readsPerSecond: number;
  pacedReadsPerSecond: number;
  pacedReadP50: number;
  pacedReadP99: number;
  /** The same client, concurrency and fans (each with its token) on GET /health/live of the same server: the client's and the machine's ceiling. */
  bareP50: number;
  bareCpuMs: number;
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

/** The embedded log's write + fdatasync rounds so far, from the server's /metrics. */
const logRounds = async (url: string): Promise<{ count: number; seconds: number }> => {
  const text = await (await fetch(`${url}/metrics`)).text();
  const value = (name: string) => Number(new RegExp(`^${name} ([0-9.e+-]+)$`, 'm').exec(text)?.[1] ?? NaN);
  return { count: value('tessera_event_log_fsync_duration_seconds_count'), seconds: value('tessera_event_log_fsync_duration_seconds_sum') };
};

const quantile = (sorted: number[], q: number): number => (sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]);

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

  // 2. Everyone joins before the opening, from the load generator's process, each fan with its token.
  const { hostname, port } = new URL(url);
  const fromGenerator = (method: 'GET' | 'POST', paths: string[], field?: string, by: string[] = tokens, meanPauseMs = 0, connections = concurrency): Promise<LoadPhase> =>
    runLoadPhase(
      {
        host: hostname,
        port: Number(port),
        connections,
        warmUpSeconds: 2,
        seconds: 600, // the limit; the window closes with the list's last answer
        meanPauseMs,
        request: { method: 'GET', path: '/health/live' },
        list: { method, requests: paths.map((path, i) => ({ path, token: by[i] })), field },
      },
      options.serverPid,
    );
  const answersOf = (phase: LoadPhase): ListAnswer[] => phase.listAnswers ?? [];
  const logBefore = await logRounds(url);
  const joins = await fromGenerator('POST', tokens.map(() => `/api/shows/${showId}/queue`), 'queueId');
  const logAfter = await logRounds(url);
  const joinRounds = logAfter.count - logBefore.count;
  const queueIds: (string | undefined)[] = answersOf(joins).map((answer) => {
    if (answer.status === 201 && typeof answer.value === 'string') return answer.value;
    failed('join', { status: answer.status, body: { code: answer.value ?? '' } });
    return undefined;
  });
  const joinsPerSecond = queueIds.filter(Boolean).length / joins.seconds;

  // The reference: the bare route, with the same generator, concurrency and fans.
  const bare = await fromGenerator('GET', tokens.map(() => '/health/live'));
  for (const answer of answersOf(bare)) if (answer.status !== 200) failed('bare', { status: answer.status, body: {} });

  // 3. Everyone reads their place once.
  const positions: number[] = new Array<number>(FANS).fill(Number.POSITIVE_INFINITY);
  const joined = queueIds.flatMap((queueId, fan) => (queueId ? [{ queueId, fan }] : []));
  const readPaths = joined.map(({ queueId }) => `/api/shows/${showId}/queue/${queueId}`);
  const readTokens = joined.map(({ fan }) => tokens[fan]);
  const readPhase = await fromGenerator('GET', readPaths, 'position', readTokens);
  answersOf(readPhase).forEach((answer, i) => {
    if (answer.status === 200 && typeof answer.value === 'number') positions[joined[i].fan] = answer.value;
    else failed('read', { status: answer.status, body: {} });
  });
  // The same reads again, below saturation: each connection pauses `readPauseMs` on average between its reads (fans polling their place).
  const pacedReads = await fromGenerator('GET', readPaths, 'position', readTokens, options.readPauseMs);
  answersOf(pacedReads).forEach((answer, i) => {
    if (answer.status !== 200 || answer.value !== positions[joined[i].fan]) failed('paced read', { status: answer.status, body: { code: String(answer.value) } });
  });
  // As many joins again, by other fans on a second show's room, from more connections at once: a round of the log
  // takes the joins in flight, so if the rounds bound the joins, more in flight means more a second.
  const wideShowId = await options.createShow(1, 10);
  const wideRoom = await call('PUT', `${url}/api/shows/${wideShowId}/waiting-room`, adminToken, room(new Date(Date.now() + 3_600_000)));
  if (wideRoom.status !== 200) throw new Error(`second waiting room: ${wideRoom.status} ${JSON.stringify(wideRoom.body)}`);
  const wideBefore = await logRounds(url);
  // Other fans, so that none of their tokens is known yet to the server (as for the first pass).
  const wideTokens = await Promise.all(Array.from({ length: FANS }, (_, i) => options.tokenFor(`room-fan-b-${i}`)));
  const wideJoins = await fromGenerator('POST', wideTokens.map(() => `/api/shows/${wideShowId}/queue`), 'queueId', wideTokens, 0, options.wideConcurrency);
  const wideAfter = await logRounds(url);
  const wideJoined = answersOf(wideJoins).filter((answer) => answer.status === 201 && typeof answer.value === 'string').length;
  for (const answer of answersOf(wideJoins)) if (answer.status !== 201) failed('wide join', { status: answer.status, body: {} });
  // Every place is distinct: positions 1..joined, once each.
  const seen = new Set(positions.filter(Number.isFinite));
  if (seen.size !== joined.length || [...seen].some((position) => position < 1 || position > joined.length)) failed('positions not 1..n', { status: 0, body: { code: `${seen.size} distinct` } });

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
    joinSeconds: joins.seconds,
    joinsPerSecond,
    joinP50: joins.p50,
    joinP99: joins.p99,
    joinRounds,
    joinRoundMs: ((logAfter.seconds - logBefore.seconds) * 1000) / joinRounds,
    joinsPerRound: queueIds.filter(Boolean).length / joinRounds,
    wideConcurrency: options.wideConcurrency,
    wideJoinsPerSecond: wideJoined / wideJoins.seconds,
    wideJoinP99: wideJoins.p99,
    wideJoinCpuMs: wideJoins.serverCpuMsPerRequest,
    wideJoinsPerRound: wideJoined / (wideAfter.count - wideBefore.count),
    wideJoinRoundMs: ((wideAfter.seconds - wideBefore.seconds) * 1000) / (wideAfter.count - wideBefore.count),
    joinCpuMs: joins.serverCpuMsPerRequest,
    readP50: readPhase.p50,
    readP99: readPhase.p99,
    readsPerSecond: readPhase.perSecond,
    pacedReadsPerSecond: pacedReads.perSecond,
    pacedReadP50: pacedReads.p50,
    pacedReadP99: pacedReads.p99,
    readCpuMs: readPhase.serverCpuMsPerRequest,
    bareP50: bare.p50,
    bareP99: bare.p99,
    barePerSecond: bare.perSecond,
    bareCpuMs: bare.serverCpuMsPerRequest,
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
