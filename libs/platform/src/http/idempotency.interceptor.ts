import {
  CallHandler,
  CustomDecorator,
  BeforeApplicationShutdown,
  ExecutionContext,
  HttpStatus,
  Injectable,
  Logger,
  NestInterceptor,
  SetMetadata,
  UseInterceptors,
} from '@nestjs/common';
import { HTTP_CODE_METADATA, INTERCEPTORS_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { DomainError } from '@tessera/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { from, lastValueFrom, Observable } from 'rxjs';
import { Clock } from '../time/clock';
import { DuplicateKeyError, ReadCollection, ReadStore } from '../read-store/read-store.port';

/**
 * Idempotency-Key for every POST (API.md), bound to each POST route with `@Idempotent()`: the same
 * key from the same caller with the same body gets the first answer again; with another body, 422
 * IDEMPOTENCY_KEY_REUSED; while the first is still running, 409. The key also becomes the command
 * id (`req.commandId`), so a retry after a crash re-appends the same event ids and the log itself
 * recognises the duplicate.
 *
 * Records are kept for 24 hours: a sweep, run at most every 10 minutes (by the Clock) when a
 * request with a key arrives, deletes the older ones in batches. A record is small, because the
 * embedded store keeps one per POST in memory (two per booking: 140 MiB at 100,000 bookings when
 * a record was an object tree): four fields, so the document keeps them all inside itself, and
 * the answer (status, replayed headers and the body's JSON text) in one flat string. Its id stays
 * the hex digest earlier releases wrote, so a retry across an upgrade finds its record; the
 * request hash is the digest's first 128 bits (it only tells one caller's requests under one key
 * apart), and records of earlier releases, with a 64-hex hash, `state` and `response`, are still
 * read and replayed as they were.
 */

export const IDEMPOTENCY_COLLECTION = 'idempotency-keys';

const NO_REPLAY = 'tessera:idempotency-no-replay';
/**
 * For routes whose answer is a credential (login, refresh): the key is accepted but no answer is
 * stored or replayed, because tokens must never rest in a store in the clear. Such routes are
 * safe to repeat without it (each call mints a fresh, independent session or rotation).
 */
export const NoIdempotentReplay = (): CustomDecorator => SetMetadata(NO_REPLAY, true);
/** Idempotency-Key on this route (every POST route has it): the interceptor below, bound to the route. */
export const Idempotent = (): MethodDecorator & ClassDecorator => UseInterceptors(IdempotencyInterceptor);
/** Whether the route (its handler or controller) is bound to the idempotency interceptor. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const isIdempotent = (handler: Function, controller: Function): boolean =>
  [handler, controller].some((target) => ((Reflect.getMetadata(INTERCEPTORS_METADATA, target) as unknown[] | undefined) ?? []).includes(IdempotencyInterceptor));
/** Whether a route replays its first answer for a repeated Idempotency-Key (for its OpenAPI description). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const replaysIdempotently = (handler: Function, controller: Function): boolean =>
  isIdempotent(handler, controller) && new Reflector().getAllAndOverride<boolean | undefined>(NO_REPLAY, [handler, controller]) !== true;
const RETENTION_MS = 24 * 60 * 60 * 1000;
const SWEEP_EVERY_MS = 10 * 60 * 1000;
const SWEEP_BATCH = 500;
const REPLAYED_HEADERS = ['location', 'x-position'];

interface IdempotencyRecord {
  _id: string;
  /** 22 base64url characters (the first 128 bits of the SHA-256); 64 hex digits in earlier releases. */
  requestHash: string;
  createdAt: string;
  /** Once answered: the status line, the replayed headers (`name: value`), a blank line and the body's JSON text. */
  answer?: string;
  /** Earlier releases: `done` with `response` once answered. */
  state?: 'in_progress' | 'done';
  response?: { status: number; body: string; headers: Record<string, string> };
  [key: string]: unknown;
}

interface Answer {
  status: number;
  headers: Record<string, string>;
  /** JSON text, as it was first sent. */
  body: string;
}

/**
 * The answer as one flat string. V8 builds a concatenation from pieces (a rope of several strings,
 * about 25% more memory for a payment's answer); decoding it from UTF-8 again gives one sequential
 * string with the same characters (JSON.stringify escapes lone surrogates, and header values have
 * no line breaks).
 */
export const encodeAnswer = ({ status, headers, body }: Answer): string =>
  Buffer.from(`${status}\n${Object.entries(headers).map(([name, value]) => `${name}: ${value}\n`).join('')}\n${body}`).toString();

export const decodeAnswer = (text: string): Answer => {
  const headers: Record<string, string> = {};
  let at = text.indexOf('\n');
  const status = Number(text.slice(0, at));
  for (let end = text.indexOf('\n', at + 1); end !== at + 1; at = end, end = text.indexOf('\n', at + 1)) {
    const line = text.slice(at + 1, end);
    const colon = line.indexOf(': ');
    headers[line.slice(0, colon)] = line.slice(colon + 2);
  }
  return { status, headers, body: text.slice(at + 2) };
};

/** The stored answer of a record, in either format; undefined while its request is still running. */
const answerOf = (record: IdempotencyRecord): Answer | undefined => {
  if (typeof record.answer === 'string') return decodeAnswer(record.answer);
  if (record.state === 'done' && record.response) return record.response;
  return undefined;
};

export interface IdempotentRequest extends FastifyRequest {
  /** Stable id of this command: derived from the Idempotency-Key when one is sent. */
  commandId?: string;
  user?: { userId: string };
}

const sha256 = (text: string): Buffer => createHash('sha256').update(text).digest();

/** JSON with sorted keys, so the same body in another key order hashes the same. */
const canonical = (value: unknown): string =>
  Array.isArray(value)
    ? `[${value.map(canonical).join(',')}]`
    : value && typeof value === 'object'
      ? `{${Object.keys(value as object)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
          .join(',')}}`
      : JSON.stringify(value ?? null);

/**
 * The records of Idempotency-Key requests, one for the process: their collection, the claim of a
 * key, and the sweep of records older than 24 hours. Shared by every route's interceptor (Nest
 * makes an interceptor bound with @UseInterceptors once per module), which reads and answers them.
 */
@Injectable()
export class IdempotencyRecords implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Idempotency');
  private sweptAt = -Infinity;
  private sweeping: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly store: ReadStore,
    private readonly clock: Clock,
  ) {}

  get keys(): ReadCollection<IdempotencyRecord> {
    return this.store.collection<IdempotencyRecord>(IDEMPOTENCY_COLLECTION);
  }

  /** Inserts the record of a new request; false when its key already has one. */
  async claim(record: IdempotencyRecord): Promise<boolean> {
    try {
      await this.keys.insertOne(record);
      return true;
    } catch (error) {
      if (error instanceof DuplicateKeyError) return false;
      throw error;
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.sweeping;
  }

  /** Starts a sweep of expired records when the last one is 10 minutes old; never waited for. */
  sweepIfDue(now: number): void {
    if (this.stopped || this.sweeping || now - this.sweptAt < SWEEP_EVERY_MS) return;
    this.sweptAt = now;
    this.sweeping = this.purgeOlderThan(new Date(now - RETENTION_MS).toISOString())
      .then((purged) => {
        if (purged > 0) this.logger.log(`purged ${purged} idempotency records older than 24 hours`);
      })
      .catch((error: unknown) => this.logger.warn(`idempotency sweep failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => (this.sweeping = undefined));
  }

  /** Deletes records created before `cutoff` (an ISO time), in batches, yielding between them. */
  private async purgeOlderThan(cutoff: string): Promise<number> {
    const keys = this.keys;
    await keys.createIndex({ createdAt: 1 }, { name: 'createdAt' });
    let purged = 0;
    while (!this.stopped) {
      const batch = await keys.find({ createdAt: { $lt: cutoff } }, { limit: SWEEP_BATCH, projection: { _id: 1 } });
      if (batch.length > 0) purged += await keys.deleteMany({ _id: { $in: batch.map((record) => record._id) }, createdAt: { $lt: cutoff } });
      if (batch.length < SWEEP_BATCH) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    return purged;
  }
}

/**
 * The interceptor of every POST route (`@Idempotent()`), and of no other: a route without
 * interceptors skips Nest's rxjs chain altogether (GET /health/live costs a quarter to a third less),
 * so it is bound where it applies rather than globally. A test holds every POST route to it.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly records: IdempotencyRecords,
    private readonly clock: Clock,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<IdempotentRequest>();
    const key = req.headers['idempotency-key'];
    if (req.method !== 'POST' || key === undefined) return next.handle();
    if (typeof key !== 'string' || key.length < 1 || key.length > 200) {
      throw new DomainError('VALIDATION_FAILED', 'Idempotency-Key must be 1 to 200 characters.', {
        errors: [{ field: 'Idempotency-Key', message: 'must be 1 to 200 characters' }],
      });
    }
    if (this.reflector.getAllAndOverride<boolean>(NO_REPLAY, [context.getHandler(), context.getClass()])) return next.handle();
    const caller = req.user?.userId ?? 'anonymous';
    // The record id is also the command id, from which event ids derive.
    const recordId = sha256(`${caller}\u0000${key}`).toString('hex');
    req.commandId = recordId;
    const requestHash = sha256(`${req.method} ${req.originalUrl}\u0000${canonical(req.body)}`);
    return from(this.run(context, next, recordId, requestHash));
  }

  private async run(context: ExecutionContext, next: CallHandler, recordId: string, requestDigest: Buffer): Promise<unknown> {
    const res = context.switchToHttp().getResponse<FastifyReply>();
    const keys = this.records.keys;
    const now = this.clock.now();
    this.records.sweepIfDue(now.getTime());
    const requestHash = requestDigest.subarray(0, 16).toString('base64url');
    const claimed = await this.records.claim({ _id: recordId, requestHash, createdAt: now.toISOString() });
    if (!claimed) {
      const existing = await keys.findOne({ _id: recordId });
      if (existing && now.getTime() - Date.parse(existing.createdAt) > RETENTION_MS) {
        await keys.deleteOne({ _id: recordId, createdAt: existing.createdAt });
        return this.run(context, next, recordId, requestDigest);
      }
      if (!existing) return this.run(context, next, recordId, requestDigest);
      const sameRequest = existing.requestHash === (existing.requestHash.length === 64 ? requestDigest.toString('hex') : requestHash);
      if (!sameRequest) {
        throw new DomainError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used with another request.');
      }
      const answer = answerOf(existing);
      if (!answer) {
        res.header('Retry-After', '1');
        throw new DomainError('CONCURRENCY_CONFLICT', 'A request with this Idempotency-Key is still in progress.');
      }
      for (const [name, value] of Object.entries(answer.headers)) res.header(name, value);
      res.header('Idempotent-Replayed', 'true');
      res.status(answer.status);
      return JSON.parse(answer.body) as unknown;
    }
    const initialStatus = res.statusCode;
    let body: unknown;
    try {
      body = await lastValueFrom(next.handle(), { defaultValue: undefined });
    } catch (error) {
      // A failed attempt leaves no record: a retry runs the command again, and deterministic
      // event ids make a command that did reach the log answer as it did the first time.
      await keys.deleteOne({ _id: recordId });
      throw error;
    }
    const declared = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler());
    const status = res.statusCode !== initialStatus ? res.statusCode : (declared ?? HttpStatus.CREATED);
    const headers: Record<string, string> = {};
    for (const name of REPLAYED_HEADERS) {
      const value = res.getHeader(name);
      if (value !== undefined) headers[name] = String(value);
    }
    await keys.updateOne({ _id: recordId }, { $set: { answer: encodeAnswer({ status, headers, body: JSON.stringify(body ?? null) }) } });
    return body;
  }
}
