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

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^smtps?:\/\//, { message: 'must be an smtp:// URL' })
  SMTP_URL?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_SECRET?: string;

  @IsString()
  JWT_ISSUER = 'tessera';

  @IsString()
  JWT_AUDIENCE = 'tessera-api';

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  TICKET_SIGNING_KEY?: string;

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

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10000)
  EVENT_BUFFER_SIZE = 100;

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
   * next one, in percent (V8's --heap-growing-percent); 0 leaves V8's own choice (up to 300%).
   * 25: at 100,000 bookings the live server held 521 MiB RSS with 25, 588 MiB with 50, for the
   * same server CPU per booking (bench:memory in bench/RESULTS.md).
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(300)
  HEAP_GROWTH_PERCENT = 25;

  /**
   * `compact`: every full collection compacts sparse heap pages and gives them back to the
   * system (V8's --optimize-for-size, set at start-up); `v8`: V8's own heuristics.
   */
  @IsIn(['compact', 'v8'])
  HEAP_MODE: 'compact' | 'v8' = 'compact';
}

export type TesseraConfig = Readonly<EnvironmentVariables> & {
  /** Which adapters run: embedded stores unless the real engines' URLs are given. */
  readonly mode: { eventStore: 'embedded' | 'kurrentdb'; readStore: 'embedded' | 'mongodb'; seatLocks: 'in-process' | 'redlock' };
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
  const extra = ['EVENTSTORE_URL', 'MONGO_URL', 'REDIS_URLS', 'MQTT_URL', 'SMTP_URL', 'JWT_SECRET', 'TICKET_SIGNING_KEY', 'ADMIN_EMAIL', 'ADMIN_PASSWORD', 'CORS_ORIGINS', 'TRUST_PROXY'];
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
  if (config.NODE_ENV === 'production') {
    for (const key of ['JWT_SECRET', 'TICKET_SIGNING_KEY'] as const) {
      if (!config[key]) throw new ConfigError(`Invalid configuration: ${key} must be set when NODE_ENV=production`);
    }
  }
  return Object.freeze(
    Object.assign(config, {
      mode: {
        eventStore: config.EVENTSTORE_URL ? 'kurrentdb' : 'embedded',
        readStore: config.MONGO_URL ? 'mongodb' : 'embedded',
        seatLocks: config.REDIS_URLS?.length ? 'redlock' : 'in-process',
      },
    }) as TesseraConfig,
  );
};
