import { plainToInstance, Transform } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';
import { IsTrustedProxyList } from './trusted-proxies';

/**
 * Configuration, read once from the environment and validated at start-up. Every variable is
 * documented in the README's configuration table; keep the two in step.
 */

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : /^-?\d+$/.test(String(value)) ? Number(value) : value;
const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() !== ''
    ? value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)
    : undefined;
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

export class EnvironmentVariables {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  @IsString()
  @MinLength(1)
  DATA_DIR = './data';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^(esdb|kurrentdb|kdb)(\+discover)?:\/\//, { message: 'must be a kurrentdb:// or esdb:// connection string' })
  EVENTSTORE_URL?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^mongodb(\+srv)?:\/\//, { message: 'must be a mongodb:// connection string' })
  MONGO_URL?: string;

  @Transform(toList)
  @IsOptional()
  @Matches(/^rediss?:\/\//, { each: true, message: 'must be a comma-separated list of redis:// URLs' })
  REDIS_URLS?: string[];

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^(mqtts?|wss?|tcp):\/\//, { message: 'must be an mqtt:// URL' })
  MQTT_URL?: string;

  /**
   * Where the embedded MQTT broker listens when MQTT_URL is unset (on HOST). 1884, not MQTT's
   * 1883: a machine that runs Mosquitto already holds 1883, and the two must not fight over it.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  MQTT_PORT = 1884;

  /** The integration user of the embedded broker: may subscribe to `tessera/#`, never publish. Unset: no such user. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: 'must be 1-64 letters, digits, dots, dashes or underscores' })
  MQTT_INTEGRATION_USERNAME?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'must be at least 16 characters' })
  @MaxLength(256)
  MQTT_INTEGRATION_PASSWORD?: string;

  /**
   * How long a QoS 1 publish may wait for its PUBACK (broker down, reconnecting) before the
   * delivery counts as failed and is retried; the message may still go out (a duplicate, with the
   * same event id).
   */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(600000)
  MQTT_PUBLISH_TIMEOUT_MS = 10000;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^smtps?:\/\//, { message: 'must be an smtp:// URL' })
  SMTP_URL?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_SECRET?: string;

  /** Older JWT secrets still accepted while their tokens live (a rotation in progress): comma-separated. */
  @Transform(toList)
  @IsOptional()
  @MinLength(32, { each: true, message: 'must list secrets of at least 32 characters each' })
  JWT_VERIFICATION_SECRETS?: string[];

  @IsString()
  JWT_ISSUER = 'tessera';

  @IsString()
  JWT_AUDIENCE = 'tessera-api';

  /** Access token lifetime; the web app refreshes silently when one runs out (tests shorten it). */
  @Transform(toInt)
  @IsInt()
  @Min(5)
  @Max(86400)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  TICKET_SIGNING_KEY?: string;

  /** The HMAC secret device keys are hashed under (libs/platform/src/security/device-keys.ts). Required in production. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  DEVICE_KEY_SECRET?: string;
  /** Older ticket signing keys whose codes still check in (a rotation in progress): comma-separated. */
  @Transform(toList)
  @IsOptional()
  @MinLength(32, { each: true, message: 'must list keys of at least 32 characters each' })
  TICKET_VERIFICATION_KEYS?: string[];

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsEmail()
  ADMIN_EMAIL?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(12, { message: 'must be at least 12 characters' })
  @MaxLength(128)
  ADMIN_PASSWORD?: string;

  @Transform(toList)
  @IsOptional()
  @IsString({ each: true })
  CORS_ORIGINS?: string[];

  /** The built web app the standalone server serves at `/`; unset, dist/web beside the server. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  WEB_APP_DIR?: string;

  @Matches(/^\d+(b|kb|mb)$/i, { message: 'must be a size such as 100kb' })
  BODY_LIMIT = '100kb';

  /**
   * How long an idle keep-alive connection stays open. Longer than the idle timeout of whatever
   * pools connections in front (the gateway's upstream keepalive, 30 s; load balancers often
   * 60 s): otherwise the server closes a connection just as the proxy reuses it, and the proxy
   * answers 502 to a request it may not retry (a POST). Node's own default is 5 s.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(600000)
  HTTP_KEEP_ALIVE_TIMEOUT_MS = 65000;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(30000)
  SEAT_LOCK_TTL_MS = 2000;

  /** How often the command side's expiry sweeper writes down holds that have run out. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(600000)
  SWEEP_INTERVAL_MS = 1000;

  /** How often the waiting rooms' admission schedule looks for places due (the rate itself is each room's admitPerMinute). */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(60000)
  WAITING_ROOM_TICK_MS = 250;

  /**
   * Incident SLAs (API.md, Venue operations): minutes from the report to the acknowledge and the
   * resolve deadline, per priority. A deadline is written into the incident's events when it is
   * reported (or re-prioritised), so changing these affects new incidents only.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(525600)
  SLA_P1_ACKNOWLEDGE_MINUTES = 5;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(525600)
  SLA_P1_RESOLVE_MINUTES = 60;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(525600)
  SLA_P2_ACKNOWLEDGE_MINUTES = 15;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(525600)
  SLA_P2_RESOLVE_MINUTES = 240;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(525600)
  SLA_P3_ACKNOWLEDGE_MINUTES = 60;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(525600)
  SLA_P3_RESOLVE_MINUTES = 1440;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(525600)
  SLA_P4_ACKNOWLEDGE_MINUTES = 240;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(525600)
  SLA_P4_RESOLVE_MINUTES = 4320;

  /** How often the SLA breach schedule looks for deadlines that have passed. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(600000)
  SLA_SWEEP_INTERVAL_MS = 5000;

  /**
   * Anti-hoarding metric: a hold released before payment (expired, or cancelled by the fan) counts
   * as a repeat release when the account had released at least this many holds on the same show
   * before it (tessera_repeat_releaser_holds_released_total). At most 9: the counts keep 10 buckets.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(9)
  REPEAT_RELEASE_THRESHOLD = 3;
  /** How often the device rule engine writes the devices' latest readings and rule timers to the read store (write-behind). */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(60000)
  DEVICE_STATE_FLUSH_MS = 1000;

  /** How often the staleness sweep looks for devices that went silent. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(600000)
  DEVICE_SILENCE_SWEEP_MS = 10000;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10000)
  EVENT_BUFFER_SIZE = 100;

  /** The sender of every e-mail the notifier sends: an address, or `Name <address>`. */
  @IsString()
  @Matches(/^(?:[^<>\r\n]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/, { message: 'must be an e-mail address or "Name <address>"' })
  MAIL_FROM = 'Tessera <no-reply@tessera.local>';

  /** 4xx answers to one e-mail before it is parked as `failed` (an unreachable server fails no e-mail: they wait). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  MAIL_MAX_ATTEMPTS = 8;

  /** The wait after the first failed attempt at an e-mail; it doubles with each attempt, up to 30 minutes. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(3600000)
  MAIL_RETRY_MS = 10000;

  /**
   * E-mails about events older than this many hours are not written (0: no limit): a notifier
   * started on a log with history, or back after a long outage, does not mail fans about the past.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(8760)
  MAIL_MAX_EVENT_AGE_HOURS = 72;

  /** How often an idle live stream (GET /api/notifications/stream) gets a `: heartbeat` comment, so proxies keep it open. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(300000)
  SSE_HEARTBEAT_MS = 15000;

  /**
   * Bytes a live stream may have waiting to be sent to a slow client before it is cut (the client
   * resumes with Last-Event-ID): a client that cannot keep up never makes the server hold the feed for it.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(268435456)
  SSE_MAX_BUFFER_BYTES = 1048576;

  /**
   * The least time between two writes to a live-stream client: events that follow one another
   * within it go out in one write per client, at the cost of up to that much latency; an event
   * after a quiet spell goes out at once. 0 writes once per event-loop turn.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(1000)
  SSE_FLUSH_MS = 10;

  /**
   * The most the live stream waits between two writes to its clients when writing to all of
   * them costs more (many clients): the gap grows with the measured cost of a flush, from
   * SSE_FLUSH_MS up to this, so that the writes take a bounded share of the event loop.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(1000)
  SSE_FLUSH_MAX_MS = 40;

  /** How often the e-mail outbox looks for messages that are due (new ones are sent at once). */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(60000)
  MAIL_POLL_MS = 1000;

  /**
   * Deliveries of one event to a notifier channel (MQTT, say) before the channel's consumer group
   * parks it; each delivery is itself tried a few times with backoff.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  NOTIFIER_MAX_DELIVERIES = 20;

  /**
   * How each notifier channel reads the log. `group`: as a member of the channel's consumer group
   * (instances share the work; the group's position is in the event store). `single`: alone, its
   * position checkpointed in the read store next to the outbox and the delivery ledger, so the
   * two never disagree after a crash. `auto`: `group` when the read store is MongoDB, `single` on
   * the embedded read store (one process, saved every 30 s).
   */
  @IsIn(['auto', 'group', 'single'])
  NOTIFIER_CONSUMER: 'auto' | 'group' | 'single' = 'auto';

  /** Window of every rate limit below, in seconds (fixed window per key). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86400)
  RATE_LIMIT_WINDOW_SECONDS = 60;

  /** Requests per window from one IP on any route; 0 turns it off. Generous: it stops floods, not load tests. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  RATE_LIMIT_GLOBAL_PER_IP = 100000;

  /** Login attempts per window from one IP (password spraying); 0 turns it off. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  RATE_LIMIT_LOGIN_PER_IP = 300;

  /**
   * Login attempts per window for one e-mail from all addresses together: the ceiling that stops a
   * distributed guessing attack on one account. Looser than the per-address limit below, so that a
   * stranger at one address cannot lock the owner out (docs/decisions/0004); 0 turns it off.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  RATE_LIMIT_LOGIN_PER_ACCOUNT = 100;

  /** Login attempts per window for one e-mail from one client address (password guessing); 0 turns it off. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  RATE_LIMIT_LOGIN_PER_ACCOUNT_IP = 10;

  /** Refreshes per window from one IP; 0 turns it off. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  RATE_LIMIT_REFRESH_PER_IP = 300;

  /** Refreshes per window of one refresh token family (one session); 0 turns it off. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  RATE_LIMIT_REFRESH_PER_FAMILY = 10;

  /** Joins of a waiting room's queue per window from one IP (POST /api/shows/{showId}/queue); 0 turns it off. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  RATE_LIMIT_QUEUE_JOIN_PER_IP = 120;

  /** Prefix of the rate-limit counters in Redis (used when REDIS_URLS is set). */
  @IsString()
  @MinLength(1)
  RATE_LIMIT_KEY_PREFIX = 'tessera:rate-limit:';

  /** How long after a refresh token's first use a concurrent duplicate refresh is not taken for theft. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(60000)
  REFRESH_REUSE_GRACE_MS = 5000;

  /**
   * Proxies (addresses or CIDRs) whose X-Forwarded-For hop may name the client; unset, nobody is
   * trusted and the client is the connection's peer. The client address (rate limits, access log)
   * is the right-most X-Forwarded-For entry not sent by a trusted proxy (see trusted-proxies.ts).
   */
  @Transform(toList)
  @IsOptional()
  @IsTrustedProxyList()
  TRUST_PROXY?: string[];

  /**
   * How far the JavaScript heap may grow past what survived the last full collection before the
   * next one, in percent (V8's --heap-growing-percent); 0 is V8's own choice (up to 300%). Unset:
   * 25 while the heap is kept compact (at 100,000 bookings 521 MiB RSS with 25, 588 MiB with 50),
   * V8's own choice while an adaptive heap works (observability/heap.ts).
   */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(300)
  // Initialized so that loadConfig knows the key (it reads the keys of an instance).
  HEAP_GROWTH_PERCENT?: number = undefined;

  /**
   * `adaptive`: V8's own heuristics while the process works, one full compaction once it has
   * been quiet for 5 s; `compact`: every full collection compacts sparse heap pages and gives
   * them back to the system (V8's --optimize-for-size); `v8`: V8's own heuristics throughout.
   */
  @IsIn(['adaptive', 'compact', 'v8'])
  HEAP_MODE: 'adaptive' | 'compact' | 'v8' = 'adaptive';
}

export type TesseraConfig = Readonly<EnvironmentVariables> & {
  /** Which adapters run: embedded stores unless the real engines' URLs are given. */
  readonly mode: { eventStore: 'embedded' | 'kurrentdb'; readStore: 'embedded' | 'mongodb'; seatLocks: 'in-process' | 'redlock'; mqtt: 'embedded' | 'external' };
};

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Validate the environment. The first problem becomes one line that names the variable. */
export const loadConfig = (env: NodeJS.ProcessEnv = process.env): TesseraConfig => {
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
    'WEB_APP_DIR',
  ];
  const input: Record<string, string> = {};
  for (const key of [...known, ...extra]) {
    if (env[key] !== undefined) input[key] = env[key] as string;
  }
  const config = plainToInstance(EnvironmentVariables, input);
  const errors = validateSync(config, { skipMissingProperties: false });
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
  for (const priority of ['P1', 'P2', 'P3', 'P4'] as const) {
    if (config[`SLA_${priority}_ACKNOWLEDGE_MINUTES`] > config[`SLA_${priority}_RESOLVE_MINUTES`]) {
      throw new ConfigError(`Invalid configuration: SLA_${priority}_ACKNOWLEDGE_MINUTES must not exceed SLA_${priority}_RESOLVE_MINUTES`);
    }
  }
  if (Boolean(config.MQTT_INTEGRATION_USERNAME) !== Boolean(config.MQTT_INTEGRATION_PASSWORD)) {
    throw new ConfigError('Invalid configuration: MQTT_INTEGRATION_USERNAME and MQTT_INTEGRATION_PASSWORD must be set together');
  }
  if (config.NODE_ENV === 'production') {
    for (const key of ['JWT_SECRET', 'TICKET_SIGNING_KEY', 'DEVICE_KEY_SECRET'] as const) {
      if (!config[key]) throw new ConfigError(`Invalid configuration: ${key} must be set when NODE_ENV=production`);
    }
  }
  return Object.freeze(
    Object.assign(config, {
      mode: {
        eventStore: config.EVENTSTORE_URL ? 'kurrentdb' : 'embedded',
        readStore: config.MONGO_URL ? 'mongodb' : 'embedded',
        seatLocks: config.REDIS_URLS?.length ? 'redlock' : 'in-process',
        mqtt: config.MQTT_URL ? 'external' : 'embedded',
      },
    }) as TesseraConfig,
  );
};
