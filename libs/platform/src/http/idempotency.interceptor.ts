import {
  CallHandler,
  CustomDecorator,
  ExecutionContext,
  HttpStatus,
  Injectable,
  NestInterceptor,
  SetMetadata,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { DomainError } from '@tessera/domain';
import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { from, lastValueFrom, Observable } from 'rxjs';
import { Clock } from '../time/clock';
import { DuplicateKeyError, ReadCollection, ReadStore } from '../read-store/read-store.port';

/**
 * Idempotency-Key for every POST (API.md): the same key from the same caller with the same body
 * gets the first answer again; with another body, 422 IDEMPOTENCY_KEY_REUSED; while the first is
 * still running, 409. The key also becomes the command id (`req.commandId`), so a retry after a
 * crash re-appends the same event ids and the log itself recognises the duplicate.
 */

export const IDEMPOTENCY_COLLECTION = 'idempotency-keys';

const NO_REPLAY = 'tessera:idempotency-no-replay';
/**
 * For routes whose answer is a credential (login, refresh): the key is accepted but no answer is
 * stored or replayed, because tokens must never rest in a store in the clear. Such routes are
 * safe to repeat without it (each call mints a fresh, independent session or rotation).
 */
export const NoIdempotentReplay = (): CustomDecorator => SetMetadata(NO_REPLAY, true);
/** Whether a POST route replays its first answer for a repeated Idempotency-Key (for its OpenAPI description). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const replaysIdempotently = (handler: Function, controller: Function): boolean =>
  new Reflector().getAllAndOverride<boolean | undefined>(NO_REPLAY, [handler, controller]) !== true;
const RETENTION_MS = 24 * 60 * 60 * 1000;
const REPLAYED_HEADERS = ['location', 'x-position'];

interface IdempotencyRecord {
  _id: string;
  requestHash: string;
  state: 'in_progress' | 'done';
  createdAt: string;
  response?: { status: number; body: unknown; headers: Record<string, string> };
  [key: string]: unknown;
}

export interface IdempotentRequest extends Request {
  /** Stable id of this command: derived from the Idempotency-Key when one is sent. */
  commandId?: string;
  user?: { userId: string };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

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

@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly store: ReadStore,
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
    const recordId = sha256(`${caller}\u0000${key}`);
    req.commandId = recordId;
    const requestHash = sha256(`${req.method} ${req.originalUrl}\u0000${canonical(req.body)}`);
    return from(this.run(context, next, recordId, requestHash));
  }

  private async run(context: ExecutionContext, next: CallHandler, recordId: string, requestHash: string): Promise<unknown> {
    const res = context.switchToHttp().getResponse<Response>();
    const keys = this.store.collection<IdempotencyRecord>(IDEMPOTENCY_COLLECTION);
    const now = this.clock.now();
    const claimed = await this.claim(keys, { _id: recordId, requestHash, state: 'in_progress', createdAt: now.toISOString() });
    if (!claimed) {
      const existing = await keys.findOne({ _id: recordId });
      if (existing && now.getTime() - Date.parse(existing.createdAt) > RETENTION_MS) {
        await keys.deleteOne({ _id: recordId, createdAt: existing.createdAt });
        return this.run(context, next, recordId, requestHash);
      }
      if (!existing) return this.run(context, next, recordId, requestHash);
      if (existing.requestHash !== requestHash) {
        throw new DomainError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used with another request.');
      }
      if (existing.state !== 'done' || !existing.response) {
        res.setHeader('Retry-After', '1');
        throw new DomainError('CONCURRENCY_CONFLICT', 'A request with this Idempotency-Key is still in progress.');
      }
      for (const [name, value] of Object.entries(existing.response.headers)) res.setHeader(name, value);
      res.setHeader('Idempotent-Replayed', 'true');
      res.status(existing.response.status);
      return existing.response.body;
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
    await keys.updateOne({ _id: recordId }, { $set: { state: 'done', response: { status, body: body ?? null, headers } } });
    return body;
  }

  private async claim(keys: ReadCollection<IdempotencyRecord>, record: IdempotencyRecord): Promise<boolean> {
    try {
      await keys.insertOne(record);
      return true;
    } catch (error) {
      if (error instanceof DuplicateKeyError) return false;
      throw error;
    }
  }
}

