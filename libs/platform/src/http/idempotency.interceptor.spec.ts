import type { CallHandler, ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { lastValueFrom, of } from 'rxjs';
import { EmbeddedReadStore } from '../read-store/embedded/embedded-read-store';
import { SystemClock } from '../time/clock';
import { createHash } from 'node:crypto';
import { decodeAnswer, encodeAnswer, IDEMPOTENCY_COLLECTION, IdempotencyInterceptor, IdempotencyRecords } from './idempotency.interceptor';

const interceptorOver = (store: EmbeddedReadStore) => {
  const clock = new SystemClock();
  const records = new IdempotencyRecords(store, clock);
  return { interceptor: new IdempotencyInterceptor(records, clock, new Reflector()), records };
};

/** A request and reply as the interceptor sees them over Fastify, without a server. */
const exchange = (key: string, url: string, body: unknown) => {
  const headers = new Map<string, string>();
  const res = {
    statusCode: 200,
    header(name: string, value: string) {
      headers.set(name.toLowerCase(), value);
      return this;
    },
    getHeader: (name: string) => headers.get(name.toLowerCase()),
    status(code: number) {
      this.statusCode = code;
      return this;
    },
  };
  const req = { method: 'POST', originalUrl: url, headers: { 'idempotency-key': key }, body, user: { userId: 'fan-1' } };
  const handler = function pay(): void {};
  const context = {
    getType: () => 'http',
    switchToHttp: () => ({ getRequest: () => req, getResponse: () => res }),
    getHandler: () => handler,
    getClass: () => Object,
  } as unknown as ExecutionContext;
  return { context, res, headers };
};

/** A payment's answer as the pay handler builds it: four tickets, each with its signed code. */
const paymentAnswer = (i: number) => ({
  bookingId: `0c9d3a52-5f1e-4b7a-9c1d-${String(i).padStart(12, '0')}`,
  status: 'confirmed',
  tickets: Array.from({ length: 4 }, (_, t) => ({
    ticketId: `7e1f0b6a-2d4c-4e8f-a1b3-${String(i * 4 + t).padStart(12, '0')}`,
    seatId: `A-${t + 1}-${i % 30}`,
    code: `eyJ0aWQiOiI3ZTFmMGI2YS0yZDRjLTRlOGYtYTFiMy0${String(i * 4 + t).padStart(12, '0')}IiwidiI6MX0.${'Qk'.repeat(21)}${t}`,
  })),
  position: String(1_000_000 + i),
});

describe('IdempotencyInterceptor', () => {
  const run = async (interceptor: IdempotencyInterceptor, key: string, answer: unknown) => {
    const { context, res, headers } = exchange(key, '/api/bookings/b/payment', { card: { number: '4242' } });
    const next: CallHandler = {
      handle: () => {
        res.header('X-Position', '42');
        return of(answer);
      },
    };
    const body = await lastValueFrom(interceptor.intercept(context, next));
    return { body, headers };
  };

  it('replays the first answer as it was sent', async () => {
    const store = new EmbeddedReadStore();
    const { interceptor, records } = interceptorOver(store);
    const answer = paymentAnswer(1);
    const first = await run(interceptor, 'pay-1', answer);
    const again = await run(interceptor, 'pay-1', { other: 'answer, never given' });
    expect(JSON.stringify(first.body)).toBe(JSON.stringify(answer));
    expect(JSON.stringify(again.body)).toBe(JSON.stringify(answer));
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('x-position')).toBe('42');
    await records.beforeApplicationShutdown();
  });

  it('replays a record an earlier release wrote (64-hex request hash, state and response)', async () => {
    const store = new EmbeddedReadStore();
    const { interceptor, records } = interceptorOver(store);
    const sha = (text: string) => createHash('sha256').update(text).digest('hex');
    const body = JSON.stringify({ bookingId: 'b-1', status: 'confirmed', note: 'Zoë ✓' });
    await store.collection(IDEMPOTENCY_COLLECTION).insertOne({
      _id: sha('fan-1\u0000pay-old'),
      requestHash: sha('POST /api/bookings/b/payment\u0000{"card":{"number":"4242"}}'),
      state: 'done',
      createdAt: new Date().toISOString(),
      response: { status: 200, body, headers: { 'x-position': '7' } },
    });
    const again = await run(interceptor, 'pay-old', { other: 'answer, never given' });
    expect(JSON.stringify(again.body)).toBe(body);
    expect(again.headers.get('x-position')).toBe('7');
    expect(again.headers.get('idempotent-replayed')).toBe('true');

    const { context } = exchange('pay-old', '/api/bookings/b/payment', { card: { number: '4000' } });
    await expect(lastValueFrom(interceptor.intercept(context, { handle: () => of({}) }))).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    await records.beforeApplicationShutdown();
  });

  it('keeps an answer as one string it reads back whole: status, headers in order, body', () => {
    const answer = { status: 201, headers: { location: '/api/bookings/b-1', 'x-position': '12' }, body: '{"name":"Zoë: ✓\\n","n":1}' };
    expect(decodeAnswer(encodeAnswer(answer))).toEqual(answer);
    expect(decodeAnswer(encodeAnswer({ status: 200, headers: {}, body: 'null' }))).toEqual({ status: 200, headers: {}, body: 'null' });
  });

  describe('memory', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const heapUsed = (): number => {
      gc();
      gc();
      return process.memoryUsage().heapUsed;
    };

    it('keeps a payment record in little more than its answer as JSON text', async () => {
      const records = 5_000;
      // Each answer is built afresh, as the handler does; what stays of it is the record's share.
      const keys = Array.from({ length: records }, (_, i) => `pay-${i}`);
      const text = JSON.stringify(paymentAnswer(0)).length;
      const store = new EmbeddedReadStore();
      const { interceptor, records: sweeper } = interceptorOver(store);
      await run(interceptor, 'warm-up', paymentAnswer(-1));
      await sweeper.beforeApplicationShutdown();
      const before = heapUsed();
      for (let i = 0; i < records; i++) await run(interceptor, keys[i], paymentAnswer(i));
      const perRecord = (heapUsed() - before) / records;
      expect(keys).toHaveLength(records);
      expect(await store.collection(IDEMPOTENCY_COLLECTION).countDocuments()).toBe(records + 1);
      // Measured: about 1,260 bytes, the answer's text (862 one-byte characters of JSON, and its
      // status and headers) and about 360 for the document of four fields, its 64-hex id, the
      // 22-character request hash, the time and the store's map entry; with a 64-hex hash, a
      // state and the answer as an object of status, body and headers, 1,385.
      expect(perRecord).toBeLessThan(text + 450);
    });
  });
});
