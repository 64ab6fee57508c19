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
    get RateLimit () {
        return RateLimit;
    },
    get RateLimitGuard () {
        return RateLimitGuard;
    },
    get RateLimitModule () {
        return RateLimitModule;
    },
    get loginAccountAddressTracker () {
        return loginAccountAddressTracker;
    },
    get loginAccountTracker () {
        return loginAccountTracker;
    },
    get refreshFamilyTracker () {
        return refreshFamilyTracker;
    },
    get throttlersFor () {
        return throttlersFor;
    }
});
const _common = require("@nestjs/common");
const _core = require("@nestjs/core");
const _throttler = require("@nestjs/throttler");
const _contracts = require("../../../contracts/src");
const _nodecrypto = require("node:crypto");
const _refreshcookie = require("../auth/refresh-cookie");
const _refreshtoken = require("../security/refresh-token");
const _ratelimitstorage = require("./rate-limit.storage");
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
const RATE_LIMITED_ROUTE = 'tessera:rate-limited-route';
const RateLimit = (route)=>(0, _common.SetMetadata)(RATE_LIMITED_ROUTE, route);
const reflector = new _core.Reflector();
const routeOf = (context)=>reflector.getAllAndOverride(RATE_LIMITED_ROUTE, [
        context.getHandler(),
        context.getClass()
    ]);
/** The client address Fastify worked out under TRUST_PROXY (a trusted proxy's hop, else the peer). */ const ipOf = (req)=>req.ip ?? req.socket?.remoteAddress ?? 'unknown';
const bodyField = (req, field)=>{
    const body = req.body;
    return body !== null && typeof body === 'object' && !Array.isArray(body) ? body[field] : undefined;
};
const loginAccountTracker = (req)=>{
    const email = bodyField(req, 'email');
    return typeof email === 'string' && email.length <= 512 ? `email:${(0, _contracts.normaliseEmail)(email)}` : `no-email:${ipOf(req)}`;
};
const loginAccountAddressTracker = (req)=>`${loginAccountTracker(req)}\u0000ip:${ipOf(req)}`;
const refreshFamilyTracker = (req)=>{
    const presented = (0, _refreshcookie.presentedRefreshToken)(req.headers, bodyField(req, 'refreshToken'));
    const parsed = (0, _refreshtoken.parseRefreshToken)(presented.from === 'none' ? undefined : presented.token);
    return parsed ? `family:${parsed.familyId}` : `malformed:${ipOf(req)}`;
};
/** One counter per throttler and tracker, whatever the route (the default key is per route). */ const keyOf = (_context, tracker, throttlerName)=>(0, _nodecrypto.createHash)('sha256').update(`${throttlerName}\u0000${tracker}`).digest('hex');
const throttlersFor = (config)=>{
    const ttl = config.RATE_LIMIT_WINDOW_SECONDS * 1000;
    const only = (route, limit)=>(context)=>limit <= 0 || context.getType() !== 'http' || route !== 'all' && routeOf(context) !== route;
    const throttler = (name, route, limit, getTracker)=>({
            name,
            ttl,
            limit: Math.max(limit, 1),
            skipIf: only(route, limit),
            getTracker: (req)=>getTracker(req),
            generateKey: keyOf
        });
    return [
        throttler('global', 'all', config.RATE_LIMIT_GLOBAL_PER_IP, ipOf),
        throttler('login-ip', 'login', config.RATE_LIMIT_LOGIN_PER_IP, ipOf),
        throttler('login-account-ip', 'login', config.RATE_LIMIT_LOGIN_PER_ACCOUNT_IP, loginAccountAddressTracker),
        throttler('login-account', 'login', config.RATE_LIMIT_LOGIN_PER_ACCOUNT, loginAccountTracker),
        throttler('refresh-ip', 'refresh', config.RATE_LIMIT_REFRESH_PER_IP, ipOf),
        throttler('refresh-family', 'refresh', config.RATE_LIMIT_REFRESH_PER_FAMILY, refreshFamilyTracker),
        throttler('queue-join-ip', 'queue-join', config.RATE_LIMIT_QUEUE_JOIN_PER_IP, ipOf)
    ];
};
/** The per-route decorators of @nestjs/throttler (@SkipThrottle, @Throttle): a route with any of them takes ThrottlerGuard's own path. */ const ROUTE_METADATA = [
    'THROTTLER:SKIP',
    'THROTTLER:LIMIT',
    'THROTTLER:TTL',
    'THROTTLER:BLOCK_DURATION',
    'THROTTLER:TRACKER',
    'THROTTLER:KEY_GENERATOR'
];
let RateLimitGuard = class RateLimitGuard extends _throttler.ThrottlerGuard {
    async canActivate(context) {
        const handler = context.getHandler();
        // Every throttler skips what is not HTTP (throttlersFor), so no plan is needed for it.
        if (context.getType() !== 'http') return true;
        let plan = this.plans.get(handler);
        if (plan === undefined) this.plans.set(handler, plan = this.planFor(context));
        if (plan === null) return super.canActivate(context);
        for (const throttler of plan){
            const ttl = throttler.ttl;
            await this.handleRequest({
                context,
                throttler,
                limit: throttler.limit,
                ttl,
                blockDuration: throttler.blockDuration ?? ttl,
                getTracker: throttler.getTracker,
                generateKey: throttler.generateKey
            });
        }
        return true;
    }
    planFor(context) {
        const targets = [
            context.getHandler(),
            context.getClass()
        ];
        const decorated = this.throttlers.some((throttler)=>ROUTE_METADATA.some((key)=>this.reflector.getAllAndOverride(`${key}${throttler.name}`, targets) !== undefined));
        const dynamic = this.throttlers.some((throttler)=>typeof throttler.limit !== 'number' || typeof throttler.ttl !== 'number' || !throttler.getTracker || !throttler.generateKey);
        if (decorated || dynamic) return null;
        return this.throttlers.filter((throttler)=>!(throttler.skipIf ?? this.commonOptions.skipIf)?.(context));
    }
    async throwThrottlingException(context, detail) {
        const res = context.switchToHttp().getResponse();
        res.header('Retry-After', String(Math.max(1, Math.ceil(detail.timeToBlockExpire))));
        return super.throwThrottlingException(context, detail);
    }
    constructor(...args){
        super(...args), /** Per handler: the throttlers that apply, or null when the route has its own throttler decorators. */ this.plans = new WeakMap();
    }
};
RateLimitGuard = _ts_decorate([
    (0, _common.Injectable)()
], RateLimitGuard);
let RateLimitModule = class RateLimitModule {
    static forRoot(config) {
        return {
            module: RateLimitModule,
            imports: [
                _throttler.ThrottlerModule.forRootAsync({
                    useFactory: ()=>({
                            throttlers: throttlersFor(config),
                            storage: (0, _ratelimitstorage.createRateLimitStorage)(config, new _common.Logger('RateLimit')),
                            // Only Retry-After on a 429: per-account remaining counts are nobody's business.
                            setHeaders: false
                        })
                })
            ]
        };
    }
};
RateLimitModule = _ts_decorate([
    (0, _common.Module)({})
], RateLimitModule);

//# sourceMappingURL=rate-limit.js.map