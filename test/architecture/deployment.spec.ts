import { loadConfig } from '@tessera/platform/config/config';
import { load } from 'js-yaml';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../support/processes';

/** docker-compose.yml cannot be run here (no Docker engine); these checks keep it honest. */
interface Compose {
  services: Record<string, { environment?: Record<string, string>; image?: string; build?: unknown; networks?: Record<string, { ipv4_address?: string }> }>;
}

/** Compose applies YAML merge keys (`<<: *anchor`); js-yaml leaves them as a `<<` entry. */
const merged = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(merged);
  if (!value || typeof value !== 'object') return value;
  const { '<<': base, ...own } = value as Record<string, unknown>;
  const entries = Object.fromEntries(Object.entries(own).map(([k, v]) => [k, merged(v)]));
  return base ? { ...(merged(base) as object), ...entries } : entries;
};

const compose = merged(load(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'))) as Compose;
const apps = Object.entries(compose.services).filter(([, service]) => service.environment?.APP);

describe('the distributed deployment (docker-compose.yml)', () => {
  it('runs the four apps, each from its own entry point', () => {
    expect(apps.map(([name]) => name).sort()).toEqual(['command-api', 'notifier', 'projector', 'query-api']);
    for (const [name, service] of apps) {
      expect(service.environment?.APP).toBe(name);
      expect(existsSync(join(ROOT, 'apps', name, 'src', 'main.ts'))).toBe(true);
    }
  });

  it('gives every app a configuration that passes start-up validation, on the real engines', () => {
    for (const [, service] of apps) {
      const env = Object.fromEntries(Object.entries(service.environment ?? {}).map(([k, v]) => [k, String(v).replace(/\$\{\w+:-(.*)\}/, '$1')]));
      const config = loadConfig(env);
      expect(config.mode).toEqual({ eventStore: 'kurrentdb', readStore: 'mongodb', seatLocks: 'redlock', mqtt: 'external' });
      expect(config.REDIS_URLS).toHaveLength(3);
    }
  });

  it('pins a KurrentDB with multi-stream appends (25.1 or later)', () => {
    const image = compose.services.kurrentdb.image ?? '';
    const [major, minor] = (image.split(':')[1] ?? '').split('.').map(Number);
    expect(major > 25 || (major === 25 && minor >= 1)).toBe(true);
  });

  it('lets only the gateway name the client: every app trusts exactly the gateway\'s pinned address', () => {
    const gateway = compose.services.gateway.networks?.default?.ipv4_address;
    expect(gateway).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    for (const [, service] of apps) expect(loadConfig({ TRUST_PROXY: service.environment?.TRUST_PROXY }).TRUST_PROXY).toEqual([gateway]);
  });
});
