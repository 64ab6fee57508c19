import {
  DynamicModule,
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  OnApplicationShutdown,
  Provider,
} from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { createEventStore, createReadStore, createSeatLocks } from './adapters';
import { AccessTokenVerifier, AuthGuard } from './auth/auth';
import { TokenEpochs } from './auth/token-epochs';
import { TokenEpochsFeed } from './auth/token-epochs-feed';
import { createTicketCodes, TicketCodes } from './security/ticket-codes';
import { AdmissionTokens } from './security/admission-tokens';
import { createTokenService, TokenService } from './security/token-service';
import type { TesseraConfig } from './config/config';
import { EventStore } from './event-store/event-store.port';
import { IdempotencyRecords } from './http/idempotency.interceptor';
import { RateLimitGuard, RateLimitModule } from './http/rate-limit';
import { HealthChecks, HealthController } from './observability/health';
import { applyHeapSettings, stopHeapGovernor } from './observability/heap';
import { AccessLogger, accessLoggerOf, createRootLogger, loggerParams } from './observability/logging';
import { Metrics, MetricsController } from './observability/metrics';
import { eventLogObserver, instrumentEventStore, InstrumentedSeatLocks } from './observability/port-metrics';
import { ReadStore } from './read-store/read-store.port';
import { SeatLocks } from './seat-locks/seat-locks.port';
import { Subscriptions } from './subscriptions/subscriptions';
import { Clock, IdGenerator, RandomUuids, SystemClock } from './time/clock';

/**
 * The platform every app stands on: configuration, the stores chosen by configuration
 * (embedded or real engines), clock and ids, logging, metrics and health.
 */

export const CONFIG = Symbol('TesseraConfig');
export const InjectConfig = (): ParameterDecorator => Inject(CONFIG);

export interface PlatformOptions {
  /** Names the process in logs (`standalone`, `command-api`…). */
  app: string;
  /**
   * Adapters made elsewhere (tests share one log between two apps). The module does not
   * close what it did not create.
   */
  eventStore?: EventStore;
  readStore?: ReadStore;
  seatLocks?: SeatLocks;
  clock?: Clock;
  ids?: IdGenerator;
}

const OWNED = Symbol('OwnedAdapters');

interface OwnedAdapters {
  eventStore?: EventStore;
  readStore?: ReadStore;
  seatLocks?: SeatLocks;
}

@Injectable()
class PlatformLifecycle implements OnApplicationShutdown {
  private readonly logger = new Logger('Platform');

  constructor(@Inject(OWNED) private readonly owned: OwnedAdapters) {}

  /** Runs after the HTTP server and every subscription have stopped: the log closes last. */
  async onApplicationShutdown(signal?: string): Promise<void> {
    stopHeapGovernor();
    await this.owned.seatLocks?.close();
    await this.owned.readStore?.close();
    await this.owned.eventStore?.close();
    this.logger.log(`stopped${signal ? ` on ${signal}` : ''}; the log is flushed and closed`);
  }
}

@Global()
@Module({})
export class PlatformModule {
  static forRoot(config: TesseraConfig, options: PlatformOptions): DynamicModule {
    const heapLogger = new Logger('Heap');
    const MiB = 2 ** 20;
    applyHeapSettings({ growthPercent: config.HEAP_GROWTH_PERCENT, mode: config.HEAP_MODE }, ({ beforeBytes, afterBytes, pauseMs }) =>
      heapLogger.log(`quiet: compacted the heap from ${Math.round(beforeBytes / MiB)} to ${Math.round(afterBytes / MiB)} MiB in ${Math.round(pauseMs)} ms`),
    );
    const owned: OwnedAdapters = {};
    const rootLogger = createRootLogger(config, options.app);
    const providers: Provider[] = [
      { provide: CONFIG, useValue: config },
      { provide: OWNED, useValue: owned },
      { provide: Clock, useValue: options.clock ?? new SystemClock() },
      { provide: IdGenerator, useValue: options.ids ?? new RandomUuids() },
      {
        provide: EventStore,
        inject: [Metrics],
        useFactory: async (metrics: Metrics) =>
          instrumentEventStore(options.eventStore ?? (owned.eventStore = await createEventStore(config, eventLogObserver(metrics))), metrics),
      },
      {
        provide: ReadStore,
        useFactory: async () => options.readStore ?? (owned.readStore = await createReadStore(config)),
      },
      {
        provide: SeatLocks,
        inject: [Clock, Metrics],
        useFactory: async (clock: Clock, metrics: Metrics) =>
          new InstrumentedSeatLocks(options.seatLocks ?? (owned.seatLocks = await createSeatLocks(config, clock)), metrics),
      },
      Metrics,
      { provide: AccessLogger, useValue: accessLoggerOf(rootLogger) },
      {
        provide: TokenService,
        inject: [Clock],
        useFactory: (clock: Clock) =>
          createTokenService({
            secret: config.JWT_SECRET,
            verificationSecrets: config.JWT_VERIFICATION_SECRETS,
            production: config.NODE_ENV === 'production',
            issuer: config.JWT_ISSUER,
            audience: config.JWT_AUDIENCE,
            accessTokenTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
            clock,
            logger: new Logger('Tokens'),
          }),
      },
      { provide: AccessTokenVerifier, useExisting: TokenService },
      { provide: TokenEpochs, inject: [Clock], useFactory: (clock: Clock) => new TokenEpochs(() => clock.now().getTime()) },
      TokenEpochsFeed,
      {
        provide: TicketCodes,
        useFactory: () =>
          createTicketCodes({ key: config.TICKET_SIGNING_KEY, verificationKeys: config.TICKET_VERIFICATION_KEYS, production: config.NODE_ENV === 'production', logger: new Logger('TicketCodes') }),
      },
      { provide: AdmissionTokens, inject: [TicketCodes], useFactory: (codes: TicketCodes) => AdmissionTokens.from(codes) },
      {
        provide: HealthChecks,
        inject: [EventStore, ReadStore, SeatLocks],
        useFactory: (events: EventStore, reads: ReadStore, locks: SeatLocks) => {
          const checks = new HealthChecks();
          checks.register('eventStore', async () => {
            const head = String(await events.headPosition());
            events.assertWritable(); // down while the log cannot write, though reads go on
            return { mode: config.mode.eventStore, head };
          });
          checks.register('readStore', async () => (await reads.ping(), { mode: config.mode.readStore }));
          checks.register('seatLocks', async () => (await locks.ping(), { mode: config.mode.seatLocks }));
          return checks;
        },
      },
      Subscriptions,
      PlatformLifecycle,
      { provide: APP_GUARD, useClass: RateLimitGuard },
      { provide: APP_GUARD, useClass: AuthGuard },
      IdempotencyRecords,
    ];
    return {
      module: PlatformModule,
      imports: [LoggerModule.forRoot(loggerParams(rootLogger)), TerminusModule.forRoot({ logger: false }), RateLimitModule.forRoot(config)],
      controllers: [HealthController, MetricsController],
      providers,
      exports: [CONFIG, AccessLogger, Clock, IdGenerator, EventStore, ReadStore, SeatLocks, Metrics, HealthChecks, TokenService, AccessTokenVerifier, TicketCodes, AdmissionTokens, TokenEpochs, Subscriptions, IdempotencyRecords],
    };
  }
}
