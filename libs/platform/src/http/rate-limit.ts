import {
  CustomDecorator,
  DynamicModule,
  ExecutionContext,
  Injectable,
  Logger,
  Module,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  ThrottlerGuard,
  ThrottlerModule,
  ThrottlerOptions,
  type ThrottlerLimitDetail,
} from '@nestjs/throttler';
import { normaliseEmail } from '@tessera/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import type { TesseraConfig } from '../config/config';
import { presentedRefreshToken } from '../auth/refresh-cookie';
import { parseRefreshToken } from '../security/refresh-token';
import { createRateLimitStorage } from './rate-limit.storage';

/**
 * Rate limits (API.md: 429 RATE_LIMITED with Retry-After), on @nestjs/throttler named throttlers:
 * - `global`: every route, per client IP — stops floods, generous enough for load tests;
 * - `login-ip`: POST /api/auth/login per IP (password spraying over many accounts);
 * - `login-account-ip`: per e-mail and IP (guessing one account's password from one address);
 * - `login-account`: per e-mail from all IPs, a looser ceiling (a distributed guess at one
 *   account). A stranger at one address exhausts only their own pair, so the owner elsewhere
 *   still signs in; only a distributed attack reaches the ceiling (docs/decisions/0004);
 * - `refresh-ip` / `refresh-family`: POST /api/auth/refresh per IP and per token family;
 * - `queue-join-ip`: POST /api/shows/{showId}/queue per IP (a bot farm taking places).
 * A route opts into the stricter pairs with @RateLimit('login' | 'refresh'). The guard runs
 * before the ValidationPipe, so the account trackers read the raw JSON body defensively.
 * Keys are SHA-256 of throttler name and tracker, so no e-mail ever lands in Redis.
 * Counters live in Redis when REDIS_URLS is set (shared by every process), else in memory.
 */

export type RateLimitedRoute = 'login' | 'refresh' | 'queue-join';

const RATE_LIMITED_ROUTE = 'tessera:rate-limited-route';

/** Applies the stricter per-IP and per-account limits of `route` on top of the global one. */
export const RateLimit = (route: RateLimitedRoute): CustomDecorator => SetMetadata(RATE_LIMITED_ROUTE, route);

const reflector = new Reflector();
const routeOf = (context: ExecutionContext): RateLimitedRoute | undefined =>
  reflector.getAllAndOverride<RateLimitedRoute | undefined>(RATE_LIMITED_ROUTE, [context.getHandler(), context.getClass()]);

type Request = FastifyRequest;

/** The client address Fastify worked out under TRUST_PROXY (a trusted proxy's hop, else the peer). */
const ipOf = (req: Request): string => req.ip ?? req.socket?.remoteAddress ?? 'unknown';

const bodyField = (req: Request, field: string): unknown => {
  const body: unknown = req.body;
  return body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>)[field] : undefined;
};

/** The account a login is for; a body without a usable e-mail shares one bucket per IP. */
export const loginAccountTracker = (req: Request): string => {
  const email = bodyField(req, 'email');
  return typeof email === 'string' && email.length <= 512 ? `email:${normaliseEmail(email)}` : `no-email:${ipOf(req)}`;
};

/** The account a login is for, from this client address: what one stranger can exhaust. */
export const loginAccountAddressTracker = (req: Request): string => `${loginAccountTracker(req)}\u0000ip:${ipOf(req)}`;

/** The session a refresh is for (body or cookie token); a malformed or missing token shares one bucket per IP. */
export const refreshFamilyTracker = (req: Request): string => {
  const presented = presentedRefreshToken(req.headers, bodyField(req, 'refreshToken'));
  const parsed = parseRefreshToken(presented.from === 'none' ? undefined : presented.token);
  return parsed ? `family:${parsed.familyId}` : `malformed:${ipOf(req)}`;
};

/**
 * One counter per throttler and tracker, whatever the route (the default key is per route). A
 * tracker that names an account (an e-mail, a refresh family) is hashed, so that Redis holds no
 * e-mail address; a client address is used as it is, since the global limit's key is made on every
 * request (SHA-256 was 4% of the bare route's CPU in a profile).
 */
const hashedKey = (_context: ExecutionContext, tracker: string, throttlerName: string): string =>
  createHash('sha256').update(`${throttlerName}\u0000${tracker}`).digest('hex');
const addressKey = (_context: ExecutionContext, tracker: string, throttlerName: string): string => `${throttlerName}\u0000${tracker}`;

export const throttlersFor = (config: TesseraConfig): ThrottlerOptions[] => {
  const ttl = config.RATE_LIMIT_WINDOW_SECONDS * 1000;
  const only =
    (route: RateLimitedRoute | 'all', limit: number) =>
    (context: ExecutionContext): boolean =>
      limit <= 0 || context.getType() !== 'http' || (route !== 'all' && routeOf(context) !== route);
  const throttler = (
    name: string,
    route: RateLimitedRoute | 'all',
    limit: number,
    getTracker: (req: Request) => string,
  ): ThrottlerOptions => ({
    name,
    ttl,
    limit: Math.max(limit, 1),
    skipIf: only(route, limit),
    getTracker: (req) => getTracker(req as Request),
    generateKey: getTracker === ipOf ? addressKey : hashedKey,
  });
  return [
    throttler('global', 'all', config.RATE_LIMIT_GLOBAL_PER_IP, ipOf),
    throttler('login-ip', 'login', config.RATE_LIMIT_LOGIN_PER_IP, ipOf),
    throttler('login-account-ip', 'login', config.RATE_LIMIT_LOGIN_PER_ACCOUNT_IP, loginAccountAddressTracker),
    throttler('login-account', 'login', config.RATE_LIMIT_LOGIN_PER_ACCOUNT, loginAccountTracker),
    throttler('refresh-ip', 'refresh', config.RATE_LIMIT_REFRESH_PER_IP, ipOf),
    throttler('refresh-family', 'refresh', config.RATE_LIMIT_REFRESH_PER_FAMILY, refreshFamilyTracker),
    throttler('queue-join-ip', 'queue-join', config.RATE_LIMIT_QUEUE_JOIN_PER_IP, ipOf),
  ];
};

/** The per-route decorators of @nestjs/throttler (@SkipThrottle, @Throttle): a route with any of them takes ThrottlerGuard's own path. */
const ROUTE_METADATA = ['THROTTLER:SKIP', 'THROTTLER:LIMIT', 'THROTTLER:TTL', 'THROTTLER:BLOCK_DURATION', 'THROTTLER:TRACKER', 'THROTTLER:KEY_GENERATOR'];

/**
 * ThrottlerGuard names the header `Retry-After-{name}` for named throttlers; clients look for
 * `Retry-After` (RFC 9110 §10.2.3), so the guard sets it from the blocking throttler.
 *
 * ThrottlerGuard also works out, on every request, which throttlers apply to the route and with
 * what limits: six metadata lookups and a `skipIf` call per throttler, a sixth of the bare route's
 * CPU in reflect-metadata and the guard (docs/decisions/0005). None of it changes between two
 * requests to one route, so the guard works it out once per handler and then only counts.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  /** Per handler: the throttlers that apply, or null when the route has its own throttler decorators. */
  private readonly plans = new WeakMap<object, ThrottlerOptions[] | null>();

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const handler = context.getHandler();
    // Every throttler skips what is not HTTP (throttlersFor), so no plan is needed for it.
    if (context.getType() !== 'http') return true;
    let plan = this.plans.get(handler);
    if (plan === undefined) this.plans.set(handler, (plan = this.planFor(context)));
    if (plan === null) return super.canActivate(context);
    for (const throttler of plan) {
      const ttl = throttler.ttl as number;
      await this.handleRequest({
        context,
        throttler,
        limit: throttler.limit as number,
        ttl,
        blockDuration: (throttler.blockDuration as number | undefined) ?? ttl,
        getTracker: throttler.getTracker as NonNullable<ThrottlerOptions['getTracker']>,
        generateKey: throttler.generateKey as NonNullable<ThrottlerOptions['generateKey']>,
      });
    }
    return true;
  }

  private planFor(context: ExecutionContext): ThrottlerOptions[] | null {
    const targets = [context.getHandler(), context.getClass()];
    const decorated = this.throttlers.some((throttler) => ROUTE_METADATA.some((key) => this.reflector.getAllAndOverride(`${key}${throttler.name}`, targets) !== undefined));
    const dynamic = this.throttlers.some((throttler) => typeof throttler.limit !== 'number' || typeof throttler.ttl !== 'number' || !throttler.getTracker || !throttler.generateKey);
    if (decorated || dynamic) return null;
    return this.throttlers.filter((throttler) => !(throttler.skipIf ?? this.commonOptions.skipIf)?.(context));
  }

  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const res = context.switchToHttp().getResponse<FastifyReply>();
    res.header('Retry-After', String(Math.max(1, Math.ceil(detail.timeToBlockExpire))));
    return super.throwThrottlingException(context, detail);
  }
}

/**
 * The throttler configuration (ThrottlerModule is global). The guard itself is registered as
 * APP_GUARD by PlatformModule ahead of the AuthGuard, so that requests refused for want of a
 * token still count against the per-IP limit.
 */
@Module({})
export class RateLimitModule {
  static forRoot(config: TesseraConfig): DynamicModule {
    return {
      module: RateLimitModule,
      imports: [
        ThrottlerModule.forRootAsync({
          useFactory: () => ({
            throttlers: throttlersFor(config),
            storage: createRateLimitStorage(config, new Logger('RateLimit')),
            // Only Retry-After on a 429: per-account remaining counts are nobody's business.
            setHeaders: false,
          }),
        }),
      ],
    };
  }
}
