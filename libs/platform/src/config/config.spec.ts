import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('gives the documented defaults on an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3000, DATA_DIR: './data', NODE_ENV: 'development', SEAT_LOCK_TTL_MS: 2000 });
    expect(config.mode).toEqual({ eventStore: 'embedded', readStore: 'embedded', seatLocks: 'in-process', mqtt: 'embedded' });
  });

  it('reads every numeric setting from the environment, where values are strings', () => {
    const defaults = loadConfig({}) as unknown as Record<string, unknown>;
    const numeric = Object.keys(defaults).filter((key) => typeof defaults[key] === 'number');
    expect(numeric).toEqual(expect.arrayContaining(['PORT', 'SSE_FLUSH_MS', 'MAIL_MAX_EVENT_AGE_HOURS']));
    for (const key of numeric) {
      const value = defaults[key] as number;
      expect({ key, value: (loadConfig({ [key]: String(value) }) as unknown as Record<string, unknown>)[key] }).toEqual({ key, value });
    }
  });

  it('reads the live stream and e-mail settings from the environment as whole numbers, within their bounds', () => {
    expect(loadConfig({})).toMatchObject({ SSE_FLUSH_MS: 10, SSE_FLUSH_MAX_MS: 40, SSE_HEARTBEAT_MS: 15000, MAIL_MAX_EVENT_AGE_HOURS: 72 });
    expect(loadConfig({ SSE_FLUSH_MS: '50', SSE_FLUSH_MAX_MS: '80', MAIL_MAX_EVENT_AGE_HOURS: '0' })).toMatchObject({ SSE_FLUSH_MS: 50, SSE_FLUSH_MAX_MS: 80, MAIL_MAX_EVENT_AGE_HOURS: 0 });
    expect(() => loadConfig({ SSE_FLUSH_MS: '-1' })).toThrow('SSE_FLUSH_MS');
    expect(() => loadConfig({ SSE_FLUSH_MS: 'soon' })).toThrow('SSE_FLUSH_MS');
    expect(() => loadConfig({ MAIL_MAX_EVENT_AGE_HOURS: '9000' })).toThrow('MAIL_MAX_EVENT_AGE_HOURS');
  });

  it('runs the embedded MQTT broker on 1884 (Mosquitto holds 1883), with an integration user only when both halves are set', () => {
    expect(loadConfig({}).MQTT_PORT).toBe(1884);
    expect(() => loadConfig({ MQTT_INTEGRATION_USERNAME: 'integrator' })).toThrow('MQTT_INTEGRATION_USERNAME and MQTT_INTEGRATION_PASSWORD must be set together');
    expect(() => loadConfig({ MQTT_INTEGRATION_USERNAME: 'integrator', MQTT_INTEGRATION_PASSWORD: 'short' })).toThrow(
      'Invalid configuration: MQTT_INTEGRATION_PASSWORD must be at least 16 characters (got (hidden))',
    );
    expect(loadConfig({ MQTT_INTEGRATION_USERNAME: 'integrator', MQTT_INTEGRATION_PASSWORD: 'a-long-enough-password' }).MQTT_INTEGRATION_USERNAME).toBe('integrator');
  });

  it('chooses the real adapters when their URLs are set', () => {
    const config = loadConfig({
      EVENTSTORE_URL: 'kurrentdb://localhost:2113?tls=false',
      MONGO_URL: 'mongodb://localhost:27017/tessera',
      REDIS_URLS: 'redis://a:6379, redis://b:6379',
      MQTT_URL: 'mqtt://mosquitto:1883',
    });
    expect(config.mode).toEqual({ eventStore: 'kurrentdb', readStore: 'mongodb', seatLocks: 'redlock', mqtt: 'external' });
    expect(config.REDIS_URLS).toEqual(['redis://a:6379', 'redis://b:6379']);
  });

  it('reads the older keys of a rotation as lists', () => {
    const config = loadConfig({ JWT_VERIFICATION_SECRETS: `${'a'.repeat(32)}, ${'b'.repeat(40)}`, TICKET_VERIFICATION_KEYS: 'c'.repeat(32) });
    expect(config.JWT_VERIFICATION_SECRETS).toEqual(['a'.repeat(32), 'b'.repeat(40)]);
    expect(config.TICKET_VERIFICATION_KEYS).toEqual(['c'.repeat(32)]);
    expect(loadConfig({}).TICKET_VERIFICATION_KEYS).toBeUndefined();
  });

  it.each([
    [{ PORT: 'abc' }, /^Invalid configuration: PORT .*"abc"/],
    [{ PORT: '70000' }, /^Invalid configuration: PORT /],
    [{ REDIS_URLS: 'localhost:6379' }, /^Invalid configuration: REDIS_URLS must be a comma-separated list of redis:\/\/ URLs/],
    [{ JWT_SECRET: 'short' }, /^Invalid configuration: JWT_SECRET must be at least 32 characters \(got \(hidden\)\)$/],
    [{ JWT_VERIFICATION_SECRETS: `${'o'.repeat(32)},short` }, /^Invalid configuration: JWT_VERIFICATION_SECRETS must list secrets of at least 32 characters each \(got \(hidden\)\)$/],
    [{ TICKET_VERIFICATION_KEYS: 'short' }, /^Invalid configuration: TICKET_VERIFICATION_KEYS must list keys of at least 32 characters each \(got \(hidden\)\)$/],
    [{ NODE_ENV: 'production' }, /^Invalid configuration: JWT_SECRET must be set when NODE_ENV=production$/],
    [
      { NODE_ENV: 'production', JWT_SECRET: 'j'.repeat(32), TICKET_SIGNING_KEY: 't'.repeat(32) },
      /^Invalid configuration: DEVICE_KEY_SECRET must be set when NODE_ENV=production$/,
    ],
    [{ DEVICE_KEY_SECRET: 'short' }, /^Invalid configuration: DEVICE_KEY_SECRET must be at least 32 characters \(got \(hidden\)\)$/],
    [{ ADMIN_EMAIL: 'admin@example.com' }, /ADMIN_PASSWORD must be set/],
    [{ TRUST_PROXY: '10.0.0.0/33' }, /^Invalid configuration: TRUST_PROXY must be a comma-separated list of proxy addresses or CIDRs: invalid range on address: 10\.0\.0\.0\/33/],
    [{ TRUST_PROXY: '127.0.0.1,gateway' }, /^Invalid configuration: TRUST_PROXY .*invalid IP address: gateway/],
  ])('refuses %j with one line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('trusts no proxy by default, and takes a list of IPv4 and IPv6 addresses and CIDRs', () => {
    expect(loadConfig({}).TRUST_PROXY).toBeUndefined();
    expect(loadConfig({ TRUST_PROXY: '' }).TRUST_PROXY).toBeUndefined();
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1,fd00::/8' }).TRUST_PROXY).toEqual(['127.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8']);
  });

  it('limits logins per account and address (10) under a looser per-account ceiling (100) by default', () => {
    expect(loadConfig({})).toMatchObject({ RATE_LIMIT_LOGIN_PER_ACCOUNT_IP: 10, RATE_LIMIT_LOGIN_PER_ACCOUNT: 100 });
    expect(() => loadConfig({ RATE_LIMIT_LOGIN_PER_ACCOUNT_IP: '-1' })).toThrow(/^Invalid configuration: RATE_LIMIT_LOGIN_PER_ACCOUNT_IP /);
  });

  it('gives every incident priority its SLA, and refuses an acknowledge deadline after the resolve one', () => {
    expect(loadConfig({})).toMatchObject({
      SLA_P1_ACKNOWLEDGE_MINUTES: 5,
      SLA_P1_RESOLVE_MINUTES: 60,
      SLA_P4_ACKNOWLEDGE_MINUTES: 240,
      SLA_P4_RESOLVE_MINUTES: 4320,
    });
    expect(loadConfig({ SLA_P2_ACKNOWLEDGE_MINUTES: '30' }).SLA_P2_ACKNOWLEDGE_MINUTES).toBe(30);
    expect(() => loadConfig({ SLA_P2_ACKNOWLEDGE_MINUTES: '0' })).toThrow(/^Invalid configuration: SLA_P2_ACKNOWLEDGE_MINUTES /);
    expect(() => loadConfig({ SLA_P3_ACKNOWLEDGE_MINUTES: '2000' })).toThrow(/SLA_P3_ACKNOWLEDGE_MINUTES must not exceed SLA_P3_RESOLVE_MINUTES/);
  });
});
