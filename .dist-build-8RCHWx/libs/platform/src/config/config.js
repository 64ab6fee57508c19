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
    get ConfigError () {
        return ConfigError;
    },
    get EnvironmentVariables () {
        return EnvironmentVariables;
    },
    get loadConfig () {
        return loadConfig;
    }
});
const _classtransformer = require("class-transformer");
const _classvalidator = require("class-validator");
const _trustedproxies = require("./trusted-proxies");
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
/**
 * Configuration, read once from the environment and validated at start-up. Every variable is
 * documented in the README's configuration table; keep the two in step.
 */ const toInt = ({ value })=>value === undefined || value === '' ? undefined : /^-?\d+$/.test(String(value)) ? Number(value) : value;
const toList = ({ value })=>typeof value === 'string' && value.trim() !== '' ? value.split(',').map((item)=>item.trim()).filter(Boolean) : undefined;
const emptyToUndefined = ({ value })=>value === '' ? undefined : value;
let EnvironmentVariables = class EnvironmentVariables {
    constructor(){
        this.NODE_ENV = 'development';
        this.PORT = 3000;
        this.HOST = '0.0.0.0';
        this.DATA_DIR = './data';
        this.LOG_LEVEL = 'info';
        /**
   * Where the embedded MQTT broker listens when MQTT_URL is unset (on HOST). 1884, not MQTT's
   * 1883: a machine that runs Mosquitto already holds 1883, and the two must not fight over it.
   */ this.MQTT_PORT = 1884;
        /**
   * How long a QoS 1 publish may wait for its PUBACK (broker down, reconnecting) before the
   * delivery counts as failed and is retried; the message may still go out (a duplicate, with the
   * same event id).
   */ this.MQTT_PUBLISH_TIMEOUT_MS = 10000;
        this.JWT_ISSUER = 'tessera';
        this.JWT_AUDIENCE = 'tessera-api';
        /** Access token lifetime; the web app refreshes silently when one runs out (tests shorten it). */ this.ACCESS_TOKEN_TTL_SECONDS = 900;
        this.BODY_LIMIT = '100kb';
        /**
   * How long an idle keep-alive connection stays open. Longer than the idle timeout of whatever
   * pools connections in front (the gateway's upstream keepalive, 30 s; load balancers often
   * 60 s): otherwise the server closes a connection just as the proxy reuses it, and the proxy
   * answers 502 to a request it may not retry (a POST). Node's own default is 5 s.
   */ this.HTTP_KEEP_ALIVE_TIMEOUT_MS = 65000;
        this.SEAT_LOCK_TTL_MS = 2000;
        /** How often the command side's expiry sweeper writes down holds that have run out. */ this.SWEEP_INTERVAL_MS = 1000;
        /** How often the waiting rooms' admission schedule looks for places due (the rate itself is each room's admitPerMinute). */ this.WAITING_ROOM_TICK_MS = 250;
        /**
   * Incident SLAs (API.md, Venue operations): minutes from the report to the acknowledge and the
   * resolve deadline, per priority. A deadline is written into the incident's events when it is
   * reported (or re-prioritised), so changing these affects new incidents only.
   */ this.SLA_P1_ACKNOWLEDGE_MINUTES = 5;
        this.SLA_P1_RESOLVE_MINUTES = 60;
        this.SLA_P2_ACKNOWLEDGE_MINUTES = 15;
        this.SLA_P2_RESOLVE_MINUTES = 240;
        this.SLA_P3_ACKNOWLEDGE_MINUTES = 60;
        this.SLA_P3_RESOLVE_MINUTES = 1440;
        this.SLA_P4_ACKNOWLEDGE_MINUTES = 240;
        this.SLA_P4_RESOLVE_MINUTES = 4320;
        /** How often the SLA breach schedule looks for deadlines that have passed. */ this.SLA_SWEEP_INTERVAL_MS = 5000;
        /**
   * Anti-hoarding metric: a hold released before payment (expired, or cancelled by the fan) counts
   * as a repeat release when the account had released at least this many holds on the same show
   * before it (tessera_repeat_releaser_holds_released_total). At most 9: the counts keep 10 buckets.
   */ this.REPEAT_RELEASE_THRESHOLD = 3;
        /** How often the device rule engine writes the devices' latest readings and rule timers to the read store (write-behind). */ this.DEVICE_STATE_FLUSH_MS = 1000;
        /** How often the staleness sweep looks for devices that went silent. */ this.DEVICE_SILENCE_SWEEP_MS = 10000;
        this.EVENT_BUFFER_SIZE = 100;
        /** The sender of every e-mail the notifier sends: an address, or `Name <address>`. */ this.MAIL_FROM = 'Tessera <no-reply@tessera.local>';
        /** 4xx answers to one e-mail before it is parked as `failed` (an unreachable server fails no e-mail: they wait). */ this.MAIL_MAX_ATTEMPTS = 8;
        /** The wait after the first failed attempt at an e-mail; it doubles with each attempt, up to 30 minutes. */ this.MAIL_RETRY_MS = 10000;
        /**
   * E-mails about events older than this many hours are not written (0: no limit): a notifier
   * started on a log with history, or back after a long outage, does not mail fans about the past.
  /** How often an idle live stream (GET /api/notifications/stream) gets a `: heartbeat` comment, so proxies keep it open. */ this.SSE_HEARTBEAT_MS = 15000;
        /**
   * Bytes a live stream may have waiting to be sent to a slow client before it is cut (the client
   * resumes with Last-Event-ID): a client that cannot keep up never makes the server hold the feed for it.
   */ this.SSE_MAX_BUFFER_BYTES = 1048576;
        /**
   * How long the live stream gathers events before writing them to its clients: one write per
   * client for all of them, at the cost of that much latency. 0 writes once per event-loop turn.
   */ this.MAIL_MAX_EVENT_AGE_HOURS = 72;
        /** How often the e-mail outbox looks for messages that are due (new ones are sent at once). */ this.MAIL_POLL_MS = 1000;
        /**
   * Deliveries of one event to a notifier channel (MQTT, say) before the channel's consumer group
   * parks it; each delivery is itself tried a few times with backoff.
   */ this.NOTIFIER_MAX_DELIVERIES = 20;
        /**
   * How each notifier channel reads the log. `group`: as a member of the channel's consumer group
   * (instances share the work; the group's position is in the event store). `single`: alone, its
   * position checkpointed in the read store next to the outbox and the delivery ledger, so the
   * two never disagree after a crash. `auto`: `group` when the read store is MongoDB, `single` on
   * the embedded read store (one process, saved every 30 s).
   */ this.NOTIFIER_CONSUMER = 'auto';
        this.SSE_FLUSH_MS = 10;
        /** Window of every rate limit below, in seconds (fixed window per key). */ this.RATE_LIMIT_WINDOW_SECONDS = 60;
        /** Requests per window from one IP on any route; 0 turns it off. Generous: it stops floods, not load tests. */ this.RATE_LIMIT_GLOBAL_PER_IP = 100000;
        /** Login attempts per window from one IP (password spraying); 0 turns it off. */ this.RATE_LIMIT_LOGIN_PER_IP = 300;
        /**
   * Login attempts per window for one e-mail from all addresses together: the ceiling that stops a
   * distributed guessing attack on one account. Looser than the per-address limit below, so that a
   * stranger at one address cannot lock the owner out (docs/decisions/0004); 0 turns it off.
   */ this.RATE_LIMIT_LOGIN_PER_ACCOUNT = 100;
        /** Login attempts per window for one e-mail from one client address (password guessing); 0 turns it off. */ this.RATE_LIMIT_LOGIN_PER_ACCOUNT_IP = 10;
        /** Refreshes per window from one IP; 0 turns it off. */ this.RATE_LIMIT_REFRESH_PER_IP = 300;
        /** Refreshes per window of one refresh token family (one session); 0 turns it off. */ this.RATE_LIMIT_REFRESH_PER_FAMILY = 10;
        /** Joins of a waiting room's queue per window from one IP (POST /api/shows/{showId}/queue); 0 turns it off. */ this.RATE_LIMIT_QUEUE_JOIN_PER_IP = 120;
        /** Prefix of the rate-limit counters in Redis (used when REDIS_URLS is set). */ this.RATE_LIMIT_KEY_PREFIX = 'tessera:rate-limit:';
        /** How long after a refresh token's first use a concurrent duplicate refresh is not taken for theft. */ this.REFRESH_REUSE_GRACE_MS = 5000;
        /**
   * How far the JavaScript heap may grow past what survived the last full collection before the
   * next one, in percent (V8's --heap-growing-percent); 0 leaves V8's own choice (up to 300%).
   * 25: at 100,000 bookings the live server held 521 MiB RSS with 25, 588 MiB with 50, for the
   * same server CPU per booking (bench:memory in bench/RESULTS.md).
   */ this.HEAP_GROWTH_PERCENT = 25;
        /**
   * `compact`: every full collection compacts sparse heap pages and gives them back to the
   * system (V8's --optimize-for-size, set at start-up); `v8`: V8's own heuristics.
   */ this.HEAP_MODE = 'compact';
    }
};
_ts_decorate([
    (0, _classvalidator.IsIn)([
        'development',
        'production',
        'test'
    ]),
    _ts_metadata("design:type", String)
], EnvironmentVariables.prototype, "NODE_ENV", void 0);
_ts_decorate([
    (0, _classtransformer.Transform)(toInt),
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(0),
    (0, _classvalidator.Max)(65535)
], EnvironmentVariables.prototype, "PORT", void 0);
_ts_decorate([
    (0, _classvalidator.IsString)()
], EnvironmentVariables.prototype, "HOST", void 0);
_ts_decorate([
    (0, _classvalidator.IsString)(),
    (0, _classvalidator.MinLength)(1)
], EnvironmentVariables.prototype, "DATA_DIR", void 0);
_ts_decorate([
    (0, _classvalidator.IsIn)([
        'fatal',
        'error',
        'warn',
        'info',
        'debug',
        'trace',
        'silent'
    ])
], EnvironmentVariables.prototype, "LOG_LEVEL", void 0);
_ts_decorate([
    (0, _classtransformer.Transform)(emptyToUndefined),
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.Matches)(/^(esdb|kurrentdb|kdb)(\+discover)?:\/\//, {
        message: 'must be a kurrentdb:// or esdb:// connection string'
    }),
    _ts_metadata("design:type", String)
], EnvironmentVariables.prototype, "EVENTSTORE_URL", void 0);
_ts_decorate([
    (0, _classtransformer.Transform)(emptyToUndefined),
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.Matches)(/^mongodb(\+srv)?:\/\//, {
        message: 'must be a mongodb:// connection string'
    }),
    _ts_metadata("design:type", String)
], EnvironmentVariables.prototype, "MONGO_URL", void 0);
_ts_decorate([
    (0, _classtransformer.Transform)(toList),
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.Matches)(/^rediss?:\/\//, {
        each: true,
        message: 'must be a comma-separated list of redis:// URLs'
    }),
    _ts_metadata("design:type", Array)
], EnvironmentVariables.prototype, "REDIS_URLS", void 0);
_ts_decorate([
    (0, _classtransformer.Transform)(emptyToUndefined),
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.Matches)(/^(mqtts?|wss?|tcp):\/\//, {
        message: 'must be an mqtt:// URL'
    }),
    _ts_metadata("design:type", String)
], EnvironmentVariables.prototype, "MQTT_URL", void 0);
_ts_decorate([
    (0, _classtransformer.Transform)(toInt),
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(0),
    (0, _classvalidator.Max)(65535)
], EnvironmentVariables.prototype, "MQTT_PORT", void 0);
_ts_decorate([
    (0, _classtransformer.Transform)(emptyToUndefined),
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.Matches)(/^[A-Za-z0-9._-]{1,64}$/, {
        message: 'must be 1-64 letters, digits, dots, dashes or underscores'
    }),
    _ts_metadata("design:type", String)
], EnvironmentVariables.prototype, "MQTT_INTEGRATION_USERNAME", void 0);
_ts_decorate([
    (0, _classtransformer.Transform)(emptyToUndefined),
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.IsString)(),
    (0, _classvalidator.MinLength)(16, {
        message: 'must be at least 16 characters'
    }),
    (0, _classvalidator.MaxLength)(256),
    _ts_metadata("design:type", String)
], EnvironmentVariables.prototype, "MQTT_INTEGRATION_PASSWORD", void 0);
_ts_decorate([
    (0, _classtransformer.Transform)(toInt),
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(100),
    (0, _classvalidator.Max)(600000)
], EnvironmentVariables.prototype, "MQTT_PUBLISH_TIMEOUT_MS", void 0);
_ts_decorate([
    (0, _classtransformer.Transform)(emptyToUndefined),
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.Matches)(/^smtps?:\/\//, {
        message: 'must be an smtp:// URL'
    }),
    _ts_metadata("design:type", String)
], EnvironmentVariables.prototype, "SMTP_URL", void 0);
_ts_decorate([
    (0, _classtransformer.Transform)(emptyToUndefined),
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.IsString)(),
    (0, _classvalidator.MinLength)(32, {
        message: 'must be at least 32 characters'
    }),
    _ts_metadata("design:type", String)
], EnvironmentVariables.prototype, "JWT_SECRET", void 0);
_ts_decorate([
    (0, _classtransformer.Transform)(toList),
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.MinLength)(32, {
        each: true,
        message: 'must list secrets of at least 32 characters each'
    }),
    _ts_metadata("design:type", Array)
], EnvironmentVariables.prototype, "JWT_VERIFICATION_SECRETS", void 0);
_ts_decorate([
    (0, _classvalidator.IsString)()
], EnvironmentVariables.prototype, "JWT_ISSUER", void 0);
_ts_decorate([
    (0, _classvalidator.IsString)()
], EnvironmentVariables.prototype, "JWT_AUDIENCE", void 0);
_ts_decorate([
    (0, _classtransformer.Transform)(toInt),
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(5),
    (0, _classvalidator.Max)(86400)
], EnvironmentVariables.prototype, "ACCESS_TOKEN_TTL_SECONDS", void 0);
_ts_decorate([
    (0, _classtransformer.Transform)(emptyToUndefined),
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.IsString)(),
    (0, _classvalidator.MinLength)(32, {
        message: 'must be at least 32 characters'
    }),
    _ts_metadata("design:type", String)
], EnvironmentVariables.prototype, "TICKET_SIGNING_KEY", void 0);
_ts_decorate([
    (0, _classtransformer.Transform)(emptyToUndefined),
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.IsString)(),
    (0, _classvalidator.MinLength)(32, {
        message: 'must be at least 32 characters'
    }),
    _ts_metadata("design:type", String)
], EnvironmentVariables.prototype, "DEVICE_KEY_SECRET", void 0);
_ts_decorate([
    (0, _classtransformer.Transform)(toList),
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.MinLength)(32, {
        each: true,
        message: 'must list keys of at least 32 characters each'
    }),
    _ts_metadata("design:type", Array)
], EnvironmentVariables.prototype, "TICKET_VERIFICATION_KEYS", void 0);
_ts_decorate([
    (0, _classtransformer.Transform)(emptyToUndefined),
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.IsEmail)(),
    _ts_metadata("design:type", String)
], EnvironmentVariables.prototype, "ADMIN_EMAIL", void 0);
_ts_decorate([
    (0, _classtransformer.Transform)(emptyToUndefined),
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.IsString)(),
    (0, _classvalidator.MinLength)(12, {
        message: 'must be at least 12 characters'
    }),
    (0, _classvalidator.MaxLength)(128),
    _ts_metadata("design:type", String)
], EnvironmentVariables.prototype, "ADMIN_PASSWORD", void 0);
_ts_decorate([
    (0, _classtransformer.Transform)(toList),
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.IsString)({
        each: true
    }),
    _ts_metadata("design:type", Array)
], EnvironmentVariables.prototype, "CORS_ORIGINS", void 0);
_ts_decorate([
    (0, _classtransformer.Transform)(emptyToUndefined),
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.IsString)(),
    _ts_metadata("design:type", String)
], EnvironmentVariables.prototype, "WEB_APP_DIR", void 0);
_ts_decorate([
    (0, _classvalidator.Matches)(/^\d+(b|kb|mb)$/i, {
        message: 'must be a size such as 100kb'
    })
], EnvironmentVariables.prototype, "BODY_LIMIT", void 0);
_ts_decorate([
    (0, _classtransformer.Transform)(toInt),
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(1000),
    (0, _classvalidator.Max)(600000)
], EnvironmentVariables.prototype, "HTTP_KEEP_ALIVE_TIMEOUT_MS", void 0);
_ts_decorate([
    (0, _classtransformer.Transform)(toInt),
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(100),
    (0, _classvalidator.Max)(30000)
], EnvironmentVariables.prototype, "SEAT_LOCK_TTL_MS", void 0);
_ts_decorate([
    (0, _classtransformer.Transform)(toInt),
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(10),
    (0, _classvalidator.Max)(600000)
], EnvironmentVariables.prototype, "SWEEP_INTERVAL_MS", void 0);
_ts_decorate([
    (0, _classtransformer.Transform)(toInt),
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(10),
    (0, _classvalidator.Max)(60000)
], EnvironmentVariables.prototype, "WAITING_ROOM_TICK_MS", void 0);
_ts_decorate([
    (0, _classtransformer.Transform)(toInt),
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(1),
    (0, _classvalidator.Max)(525600)
], EnvironmentVariables.prototype, "SLA_P1_ACKNOWLEDGE_MINUTES", void 0);
_ts_decorate([
    (0, _classtransformer.Transform)(toInt),
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(1),
    (0, _classvalidator.Max)(525600)
], EnvironmentVariables.prototype, "SLA_P1_RESOLVE_MINUTES", void 0);
_ts_decorate([
    (0, _classtransformer.Transform)(toInt),
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(1),
    (0, _classvalidator.Max)(525600)
], EnvironmentVariables.prototype, "SLA_P2_ACKNOWLEDGE_MINUTES", void 0);
_ts_decorate([
    (0, _classtransformer.Transform)(toInt),
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(1),
    (0, _classvalidator.Max)(525600)
], EnvironmentVariables.prototype, "SLA_P2_RESOLVE_MINUTES", void 0);
_ts_decorate([
    (0, _classtransformer.Transform)(toInt),
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(1),
    (0, _classvalidator.Max)(525600)
], EnvironmentVariables.prototype, "SLA_P3_ACKNOWLEDGE_MINUTES", void 0);
_ts_decorate([
    (0, _classtransformer.Transform)(toInt),
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(1),
    (0, _classvalidator.Max)(525600)
], EnvironmentVariables.prototype, "SLA_P3_RESOLVE_MINUTES", void 0);
_ts_decorate([
    (0, _classtransformer.Transform)(toInt),
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(1),
    (0, _classvalidator.Max)(525600)
], EnvironmentVariables.prototype, "SLA_P4_ACKNOWLEDGE_MINUTES", void 0);
_ts_decorate([
    (0, _classtransformer.Transform)(toInt),
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(1),
    (0, _classvalidator.Max)(525600)
], EnvironmentVariables.prototype, "SLA_P4_RESOLVE_MINUTES", void 0);
_ts_decorate([
    (0, _classtransformer.Transform)(toInt),
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(10),
    (0, _classvalidator.Max)(600000)
], EnvironmentVariables.prototype, "SLA_SWEEP_INTERVAL_MS", void 0);
_ts_decorate([
    (0, _classtransformer.Transform)(toInt),
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(1),
    (0, _classvalidator.Max)(9)
], EnvironmentVariables.prototype, "REPEAT_RELEASE_THRESHOLD", void 0);
_ts_decorate([
    (0, _classtransformer.Transform)(toInt),
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(10),
    (0, _classvalidator.Max)(60000)
], EnvironmentVariables.prototype, "DEVICE_STATE_FLUSH_MS", void 0);
_ts_decorate([
    (0, _classtransformer.Transform)(toInt),
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(100),
    (0, _classvalidator.Max)(600000)
], EnvironmentVariables.prototype, "DEVICE_SILENCE_SWEEP_MS", void 0);
_ts_decorate([
    (0, _classtransformer.Transform)(toInt),
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(1),
    (0, _classvalidator.Max)(10000)
], EnvironmentVariables.prototype, "EVENT_BUFFER_SIZE", void 0);
_ts_decorate([
    (0, _classvalidator.IsString)(),
    (0, _classvalidator.Matches)(/^(?:[^<>\r\n]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/, {
        message: 'must be an e-mail address or "Name <address>"'
    })
], EnvironmentVariables.prototype, "MAIL_FROM", void 0);
_ts_decorate([
    (0, _classtransformer.Transform)(toInt),
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(1),
    (0, _classvalidator.Max)(100)
], EnvironmentVariables.prototype, "MAIL_MAX_ATTEMPTS", void 0);
_ts_decorate([
    (0, _classtransformer.Transform)(toInt),
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(10),
    (0, _classvalidator.Max)(3600000)
], EnvironmentVariables.prototype, "MAIL_RETRY_MS", void 0);
_ts_decorate([
    (0, _classtransformer.Transform)(toInt),
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(10),
    (0, _classvalidator.Max)(300000)
], EnvironmentVariables.prototype, "SSE_HEARTBEAT_MS", void 0);
_ts_decorate([
    (0, _classtransformer.Transform)(toInt),
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(1024),
    (0, _classvalidator.Max)(268435456)
], EnvironmentVariables.prototype, "SSE_MAX_BUFFER_BYTES", void 0);
_ts_decorate([
    (0, _classtransformer.Transform)(toInt),
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(0),
    (0, _classvalidator.Max)(8760)
], EnvironmentVariables.prototype, "MAIL_MAX_EVENT_AGE_HOURS", void 0);
_ts_decorate([
    (0, _classtransformer.Transform)(toInt),
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(10),
    (0, _classvalidator.Max)(60000)
], EnvironmentVariables.prototype, "MAIL_POLL_MS", void 0);
_ts_decorate([
    (0, _classtransformer.Transform)(toInt),
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(1),
    (0, _classvalidator.Max)(1000)
], EnvironmentVariables.prototype, "NOTIFIER_MAX_DELIVERIES", void 0);
_ts_decorate([
    (0, _classvalidator.IsIn)([
        'auto',
        'group',
        'single'
    ]),
    _ts_metadata("design:type", String)
], EnvironmentVariables.prototype, "NOTIFIER_CONSUMER", void 0);
_ts_decorate([
    (0, _classvalidator.Max)(1000)
], EnvironmentVariables.prototype, "SSE_FLUSH_MS", void 0);
_ts_decorate([
    (0, _classtransformer.Transform)(toInt),
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(1),
    (0, _classvalidator.Max)(86400)
], EnvironmentVariables.prototype, "RATE_LIMIT_WINDOW_SECONDS", void 0);
_ts_decorate([
    (0, _classtransformer.Transform)(toInt),
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(0)
], EnvironmentVariables.prototype, "RATE_LIMIT_GLOBAL_PER_IP", void 0);
_ts_decorate([
    (0, _classtransformer.Transform)(toInt),
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(0)
], EnvironmentVariables.prototype, "RATE_LIMIT_LOGIN_PER_IP", void 0);
_ts_decorate([
    (0, _classtransformer.Transform)(toInt),
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(0)
], EnvironmentVariables.prototype, "RATE_LIMIT_LOGIN_PER_ACCOUNT", void 0);
_ts_decorate([
    (0, _classtransformer.Transform)(toInt),
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(0)
], EnvironmentVariables.prototype, "RATE_LIMIT_LOGIN_PER_ACCOUNT_IP", void 0);
_ts_decorate([
    (0, _classtransformer.Transform)(toInt),
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(0)
], EnvironmentVariables.prototype, "RATE_LIMIT_REFRESH_PER_IP", void 0);
_ts_decorate([
    (0, _classtransformer.Transform)(toInt),
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(0)
], EnvironmentVariables.prototype, "RATE_LIMIT_REFRESH_PER_FAMILY", void 0);
_ts_decorate([
    (0, _classtransformer.Transform)(toInt),
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(0)
], EnvironmentVariables.prototype, "RATE_LIMIT_QUEUE_JOIN_PER_IP", void 0);
_ts_decorate([
    (0, _classvalidator.IsString)(),
    (0, _classvalidator.MinLength)(1)
], EnvironmentVariables.prototype, "RATE_LIMIT_KEY_PREFIX", void 0);
_ts_decorate([
    (0, _classtransformer.Transform)(toInt),
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(0),
    (0, _classvalidator.Max)(60000)
], EnvironmentVariables.prototype, "REFRESH_REUSE_GRACE_MS", void 0);
_ts_decorate([
    (0, _classtransformer.Transform)(toList),
    (0, _classvalidator.IsOptional)(),
    (0, _trustedproxies.IsTrustedProxyList)(),
    _ts_metadata("design:type", Array)
], EnvironmentVariables.prototype, "TRUST_PROXY", void 0);
_ts_decorate([
    (0, _classtransformer.Transform)(toInt),
    (0, _classvalidator.IsInt)(),
    (0, _classvalidator.Min)(0),
    (0, _classvalidator.Max)(300)
], EnvironmentVariables.prototype, "HEAP_GROWTH_PERCENT", void 0);
_ts_decorate([
    (0, _classvalidator.IsIn)([
        'compact',
        'v8'
    ]),
    _ts_metadata("design:type", String)
], EnvironmentVariables.prototype, "HEAP_MODE", void 0);
let ConfigError = class ConfigError extends Error {
    constructor(message){
        super(message);
        this.name = 'ConfigError';
    }
};
const loadConfig = (env = process.env)=>{
    const known = Object.keys(new EnvironmentVariables());
    const extra = [
        'EVENTSTORE_URL',
        'MONGO_URL',
        'REDIS_URLS',
        'MQTT_URL',
        'MQTT_INTEGRATION_USERNAME',
        'MQTT_INTEGRATION_PASSWORD',
        'SMTP_URL',
        'JWT_SECRET',
        'JWT_VERIFICATION_SECRETS',
        'TICKET_SIGNING_KEY',
        'TICKET_VERIFICATION_KEYS',
        'DEVICE_KEY_SECRET',
        'ADMIN_EMAIL',
        'ADMIN_PASSWORD',
        'CORS_ORIGINS',
        'TRUST_PROXY',
        'WEB_APP_DIR'
    ];
    const input = {};
    for (const key of [
        ...known,
        ...extra
    ]){
        if (env[key] !== undefined) input[key] = env[key];
    }
    const config = (0, _classtransformer.plainToInstance)(EnvironmentVariables, input);
    const errors = (0, _classvalidator.validateSync)(config, {
        skipMissingProperties: false
    });
    if (errors.length > 0) {
        const [first] = errors;
        // class-validator lists constraints in reverse of how they are written: the last is the first check (the type).
        const message = Object.values(first.constraints ?? {}).at(-1) ?? 'is invalid';
        const shown = /SECRET|PASSWORD|KEY/.test(first.property) ? '(hidden)' : JSON.stringify(input[first.property]);
        throw new ConfigError(`Invalid configuration: ${first.property} ${message.replace(`${first.property} `, '')} (got ${shown})`);
    }
    if (config.ADMIN_EMAIL && !config.ADMIN_PASSWORD) {
        throw new ConfigError('Invalid configuration: ADMIN_PASSWORD must be set when ADMIN_EMAIL is');
    }
    for (const priority of [
        'P1',
        'P2',
        'P3',
        'P4'
    ]){
        if (config[`SLA_${priority}_ACKNOWLEDGE_MINUTES`] > config[`SLA_${priority}_RESOLVE_MINUTES`]) {
            throw new ConfigError(`Invalid configuration: SLA_${priority}_ACKNOWLEDGE_MINUTES must not exceed SLA_${priority}_RESOLVE_MINUTES`);
        }
    }
    if (Boolean(config.MQTT_INTEGRATION_USERNAME) !== Boolean(config.MQTT_INTEGRATION_PASSWORD)) {
        throw new ConfigError('Invalid configuration: MQTT_INTEGRATION_USERNAME and MQTT_INTEGRATION_PASSWORD must be set together');
    }
    if (config.NODE_ENV === 'production') {
        for (const key of [
            'JWT_SECRET',
            'TICKET_SIGNING_KEY',
            'DEVICE_KEY_SECRET'
        ]){
            if (!config[key]) throw new ConfigError(`Invalid configuration: ${key} must be set when NODE_ENV=production`);
        }
    }
    return Object.freeze(Object.assign(config, {
        mode: {
            eventStore: config.EVENTSTORE_URL ? 'kurrentdb' : 'embedded',
            readStore: config.MONGO_URL ? 'mongodb' : 'embedded',
            seatLocks: config.REDIS_URLS?.length ? 'redlock' : 'in-process',
            mqtt: config.MQTT_URL ? 'external' : 'embedded'
        }
    }));
};

//# sourceMappingURL=config.js.map