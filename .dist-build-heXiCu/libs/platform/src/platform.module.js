"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
function _export(target, all) {
    for(var name in all)Object.defineProperty(target, name, {
        enumerable: true,
        get: Object.getOwnPropertyDescriptor(all, name).get
    });
}
_export(exports, {
    get CONFIG () {
        return CONFIG;
    },
    get InjectConfig () {
        return InjectConfig;
    },
    get PlatformModule () {
        return PlatformModule;
    }
});
const _common = require("@nestjs/common");
const _core = require("@nestjs/core");
const _terminus = require("@nestjs/terminus");
const _nestjspino = require("nestjs-pino");
const _adapters = require("./adapters");
const _auth = require("./auth/auth");
const _tokenepochs = require("./auth/token-epochs");
const _tokenepochsfeed = require("./auth/token-epochs-feed");
const _ticketcodes = require("./security/ticket-codes");
const _admissiontokens = require("./security/admission-tokens");
const _tokenservice = require("./security/token-service");
const _eventstoreport = require("./event-store/event-store.port");
const _idempotencyinterceptor = require("./http/idempotency.interceptor");
const _ratelimit = require("./http/rate-limit");
const _health = require("./observability/health");
const _heap = require("./observability/heap");
const _logging = require("./observability/logging");
const _metrics = require("./observability/metrics");
const _portmetrics = require("./observability/port-metrics");
const _readstoreport = require("./read-store/read-store.port");
const _seatlocksport = require("./seat-locks/seat-locks.port");
const _subscriptions = require("./subscriptions/subscriptions");
const _clock = require("./time/clock");
function _ts_decorate(decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") {
        r = Reflect.decorate(decorators, target, key, desc);
    } else {
        for(var i = decorators.length - 1; i >= 0; i--){
            if (d = decorators[i]) {
                r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
            }
        }
    }
    return c > 3 && r && Object.defineProperty(target, key, r), r;
}
function _ts_metadata(metadataKey, metadataValue) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") {
        return Reflect.metadata(metadataKey, metadataValue);
    }
}
function _ts_param(paramIndex, decorator) {
    return function(target, key) {
        decorator(target, key, paramIndex);
    };
}
const CONFIG = Symbol('TesseraConfig');
const InjectConfig = ()=>(0, _common.Inject)(CONFIG);
const OWNED = Symbol('OwnedAdapters');
let PlatformLifecycle = class PlatformLifecycle {
    constructor(owned){
        this.owned = owned;
        this.logger = new _common.Logger('Platform');
    }
    /** Runs after the HTTP server and every subscription have stopped: the log closes last. */ async onApplicationShutdown(signal) {
        await this.owned.seatLocks?.close();
        await this.owned.readStore?.close();
        await this.owned.eventStore?.close();
        this.logger.log(`stopped${signal ? ` on ${signal}` : ''}; the log is flushed and closed`);
    }
};
PlatformLifecycle = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_param(0, (0, _common.Inject)(OWNED)),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof OwnedAdapters === "undefined" ? Object : OwnedAdapters
    ])
], PlatformLifecycle);
let PlatformModule = class PlatformModule {
    static forRoot(config, options) {
        (0, _heap.applyHeapSettings)({
            growthPercent: config.HEAP_GROWTH_PERCENT,
            mode: config.HEAP_MODE
        });
        const owned = {};
        const rootLogger = (0, _logging.createRootLogger)(config, options.app);
        const providers = [
            {
                provide: CONFIG,
                useValue: config
            },
            {
                provide: OWNED,
                useValue: owned
            },
            {
                provide: _clock.Clock,
                useValue: options.clock ?? new _clock.SystemClock()
            },
            {
                provide: _clock.IdGenerator,
                useValue: options.ids ?? new _clock.RandomUuids()
            },
            {
                provide: _eventstoreport.EventStore,
                inject: [
                    _metrics.Metrics
                ],
                useFactory: async (metrics)=>(0, _portmetrics.instrumentEventStore)(options.eventStore ?? (owned.eventStore = await (0, _adapters.createEventStore)(config, (0, _portmetrics.eventLogObserver)(metrics))), metrics)
            },
            {
                provide: _readstoreport.ReadStore,
                useFactory: async ()=>options.readStore ?? (owned.readStore = await (0, _adapters.createReadStore)(config))
            },
            {
                provide: _seatlocksport.SeatLocks,
                inject: [
                    _clock.Clock,
                    _metrics.Metrics
                ],
                useFactory: async (clock, metrics)=>new _portmetrics.InstrumentedSeatLocks(options.seatLocks ?? (owned.seatLocks = await (0, _adapters.createSeatLocks)(config, clock)), metrics)
            },
            _metrics.Metrics,
            {
                provide: _logging.AccessLogger,
                useValue: (0, _logging.accessLoggerOf)(rootLogger)
            },
            {
                provide: _tokenservice.TokenService,
                inject: [
                    _clock.Clock
                ],
                useFactory: (clock)=>(0, _tokenservice.createTokenService)({
                        secret: config.JWT_SECRET,
                        verificationSecrets: config.JWT_VERIFICATION_SECRETS,
                        production: config.NODE_ENV === 'production',
                        issuer: config.JWT_ISSUER,
                        audience: config.JWT_AUDIENCE,
                        accessTokenTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
                        clock,
                        logger: new _common.Logger('Tokens')
                    })
            },
            {
                provide: _auth.AccessTokenVerifier,
                useExisting: _tokenservice.TokenService
            },
            {
                provide: _tokenepochs.TokenEpochs,
                inject: [
                    _clock.Clock
                ],
                useFactory: (clock)=>new _tokenepochs.TokenEpochs(()=>clock.now().getTime())
            },
            _tokenepochsfeed.TokenEpochsFeed,
            {
                provide: _ticketcodes.TicketCodes,
                useFactory: ()=>(0, _ticketcodes.createTicketCodes)({
                        key: config.TICKET_SIGNING_KEY,
                        verificationKeys: config.TICKET_VERIFICATION_KEYS,
                        production: config.NODE_ENV === 'production',
                        logger: new _common.Logger('TicketCodes')
                    })
            },
            {
                provide: _admissiontokens.AdmissionTokens,
                inject: [
                    _ticketcodes.TicketCodes
                ],
                useFactory: (codes)=>_admissiontokens.AdmissionTokens.from(codes)
            },
            {
                provide: _health.HealthChecks,
                inject: [
                    _eventstoreport.EventStore,
                    _readstoreport.ReadStore,
                    _seatlocksport.SeatLocks
                ],
                useFactory: (events, reads, locks)=>{
                    const checks = new _health.HealthChecks();
                    checks.register('eventStore', async ()=>{
                        const head = String(await events.headPosition());
                        events.assertWritable(); // down while the log cannot write, though reads go on
                        return {
                            mode: config.mode.eventStore,
                            head
                        };
                    });
                    checks.register('readStore', async ()=>(await reads.ping(), {
                            mode: config.mode.readStore
                        }));
                    checks.register('seatLocks', async ()=>(await locks.ping(), {
                            mode: config.mode.seatLocks
                        }));
                    return checks;
                }
            },
            _subscriptions.Subscriptions,
            PlatformLifecycle,
            {
                provide: _core.APP_GUARD,
                useClass: _ratelimit.RateLimitGuard
            },
            {
                provide: _core.APP_GUARD,
                useClass: _auth.AuthGuard
            },
            {
                provide: _core.APP_INTERCEPTOR,
                useClass: _idempotencyinterceptor.IdempotencyInterceptor
            }
        ];
        return {
            module: PlatformModule,
            imports: [
                _nestjspino.LoggerModule.forRoot((0, _logging.loggerParams)(rootLogger)),
                _terminus.TerminusModule.forRoot({
                    logger: false
                }),
                _ratelimit.RateLimitModule.forRoot(config)
            ],
            controllers: [
                _health.HealthController,
                _metrics.MetricsController
            ],
            providers,
            exports: [
                CONFIG,
                _logging.AccessLogger,
                _clock.Clock,
                _clock.IdGenerator,
                _eventstoreport.EventStore,
                _readstoreport.ReadStore,
                _seatlocksport.SeatLocks,
                _metrics.Metrics,
                _health.HealthChecks,
                _tokenservice.TokenService,
                _auth.AccessTokenVerifier,
                _ticketcodes.TicketCodes,
                _admissiontokens.AdmissionTokens,
                _tokenepochs.TokenEpochs,
                _subscriptions.Subscriptions
            ]
        };
    }
};
PlatformModule = _ts_decorate([
    (0, _common.Global)(),
    (0, _common.Module)({})
], PlatformModule);

//# sourceMappingURL=platform.module.js.map