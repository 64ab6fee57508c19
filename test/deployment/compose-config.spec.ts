import { spawnSync } from 'node:child_process';
import { describeWithBinary } from '@tessera/platform/testing/services';
import { load } from 'js-yaml';
import { ROOT } from '../support/processes';

/**
 * docker-compose.yml as Compose itself reads it (Debian's docker-compose; no engine needed for
 * `config`): the file is valid, anchors and merges resolve, and what the operations files need is
 * mounted where they expect it.
 */
describeWithBinary('docker-compose', 'apt-get install docker-compose', 'docker-compose config', (compose) => {
  const config = (): { status: number | null; stdout: string; stderr: string } =>
    spawnSync(compose, ['-f', 'docker-compose.yml', 'config'], {
      cwd: ROOT,
      encoding: 'utf8',
      // The file's ${VAR:-default}s must resolve without the operator's environment.
      env: { PATH: process.env.PATH ?? '' },
    });

  it('validates the distributed deployment and resolves every service', () => {
    const result = config();
    expect(result.stderr.split('\n').filter((line) => line.trim() && !/WARNING.*(swarm|deploy)/i.test(line))).toEqual([]);
    expect(result.status).toBe(0);
    const services = (load(result.stdout) as { services: Record<string, { environment?: Record<string, string>; volumes?: unknown[] }> }).services;
    expect(Object.keys(services).sort()).toEqual(
      ['command-api', 'gateway', 'grafana', 'kurrentdb', 'mailpit', 'mongo', 'mosquitto', 'notifier', 'projector', 'prometheus', 'query-api', 'redis-1', 'redis-2', 'redis-3'].sort(),
    );
    for (const app of ['command-api', 'query-api', 'projector', 'notifier']) expect(services[app].environment?.APP).toBe(app);
  });

  it('mounts the Prometheus rules beside its configuration and the dashboards where Grafana provisions them', () => {
    const { services } = load(config().stdout) as { services: Record<string, { volumes?: (string | { source: string; target: string })[] }> };
    const targets = (service: string): string[] =>
      (services[service].volumes ?? []).map((volume) => (typeof volume === 'string' ? volume.split(':')[1] : volume.target));
    expect(targets('prometheus')).toEqual(expect.arrayContaining(['/etc/prometheus/prometheus.yml', '/etc/prometheus/prometheus/rules']));
    expect(targets('grafana')).toEqual(expect.arrayContaining(['/etc/grafana/provisioning', '/var/lib/grafana/dashboards/tessera']));
  });
});
