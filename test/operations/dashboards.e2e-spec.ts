import { ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describeWithBinary, makeTempDir, removeDir } from '@tessera/platform/testing/services';
import { load } from 'js-yaml';
import { ManualClock } from '../box-office/box-office-client';
import { freePort, ROOT, waitFor } from '../support/processes';
import { startTestApp, TestApp } from '../support/test-app';
import { driveTraffic, TRAFFIC_ENV } from './traffic';

/**
 * The Grafana dashboards (deploy/grafana/dashboards) against a real Prometheus: Debian's
 * `prometheus` server, on a random port with its own storage, scrapes a started standalone
 * server every second while traffic runs, with the alert rules loaded. Every panel query, with
 * Grafana's variables filled in as "All" would, must evaluate without an error and return at
 * least one series. Grafana itself cannot run here; the JSON is checked for what an import needs.
 */

const DASHBOARDS = join(ROOT, 'deploy', 'grafana', 'dashboards');
const files = readdirSync(DASHBOARDS).filter((name) => name.endsWith('.json'));

interface Target {
  refId: string;
  expr: string;
  datasource?: { type: string; uid: string };
}
interface Panel {
  id: number;
  type: string;
  title: string;
  gridPos?: { h: number; w: number; x: number; y: number };
  datasource?: { type: string; uid: string };
  targets?: Target[];
  panels?: Panel[];
}
interface Dashboard {
  uid: string;
  title: string;
  schemaVersion: number;
  panels: Panel[];
  templating: { list: { name: string; type: string; query: { query: string } | string; datasource?: { uid: string }; allValue?: string }[] };
}

const dashboards = files.map((file) => ({ file, dashboard: JSON.parse(readFileSync(join(DASHBOARDS, file), 'utf8')) as Dashboard }));
const panelsOf = (panels: Panel[]): Panel[] => panels.flatMap((panel) => [panel, ...panelsOf(panel.panels ?? [])]);

const datasourceUid = (() => {
  const provisioning = load(readFileSync(join(ROOT, 'deploy', 'grafana', 'provisioning', 'datasources', 'prometheus.yml'), 'utf8')) as {
    datasources: { uid: string; type: string }[];
  };
  const [prometheus] = provisioning.datasources.filter((source) => source.type === 'prometheus');
  return prometheus.uid;
})();

/** Grafana's built-in variables and the dashboards' `$job`, as Grafana fills them for "All" over the last minutes. */
const substitute = (expr: string, dashboard: Dashboard): string => {
  let query = expr.replace(/\$__rate_interval/g, '1m').replace(/\$__range/g, '5m').replace(/\$__interval/g, '5s');
  for (const variable of dashboard.templating.list) query = query.replace(new RegExp(`\\$${variable.name}\\b`, 'g'), variable.allValue ?? '.+');
  return query;
};

/** `label_values(metric, label)`, Grafana's variable query, as PromQL with the same answer set. */
const variableQuery = (definition: string): string => {
  const match = /^label_values\((.+),\s*(\w+)\)$/.exec(definition.trim());
  if (!match) throw new Error(`unsupported variable query: ${definition}`);
  return `count by (${match[2]}) (${match[1]})`;
};

describe('the Grafana dashboards (deploy/grafana/dashboards)', () => {
  it('are the five the operators need', () => {
    expect(dashboards.map(({ dashboard }) => dashboard.uid).sort()).toEqual(
      ['tessera-box-office', 'tessera-live-feeds', 'tessera-overview', 'tessera-read-side', 'tessera-venue-operations'].sort(),
    );
  });

  it.each(dashboards.map(({ file, dashboard }) => [file, dashboard] as const))('%s is importable: schema version, ids, layout, the provisioned datasource by uid', (_file, dashboard) => {
    expect(dashboard.schemaVersion).toBeGreaterThanOrEqual(36);
    expect(dashboard.title).toMatch(/^Tessera \/ /);
    const panels = panelsOf(dashboard.panels);
    expect(new Set(panels.map((panel) => panel.id)).size).toBe(panels.length);
    for (const panel of panels) {
      expect(panel.gridPos).toEqual({ h: expect.any(Number), w: expect.any(Number), x: expect.any(Number), y: expect.any(Number) });
      expect((panel.gridPos?.x ?? 0) + (panel.gridPos?.w ?? 0)).toBeLessThanOrEqual(24);
      if (panel.type === 'row') continue;
      expect({ panel: panel.title, uid: panel.datasource?.uid }).toEqual({ panel: panel.title, uid: datasourceUid });
      expect(panel.targets?.length).toBeGreaterThan(0);
      for (const target of panel.targets ?? []) expect(target.datasource?.uid ?? datasourceUid).toBe(datasourceUid);
    }
    for (const variable of dashboard.templating.list) if (variable.datasource) expect(variable.datasource.uid).toBe(datasourceUid);
  });

  describeWithBinary('prometheus', 'apt-get install prometheus', 'every panel query on a real Prometheus scraping a server under traffic', (prometheusPath) => {
    let server: TestApp;
    let prometheus: ChildProcess;
    let output = '';
    let dir: string;
    let api: string;

    const query = async (promql: string): Promise<{ status: string; error?: string; data?: { resultType: string; result: unknown[] } }> => {
      const res = await fetch(`${api}/api/v1/query`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ query: promql }),
      });
      return (await res.json()) as { status: string; error?: string; data?: { resultType: string; result: unknown[] } };
    };

    beforeAll(async () => {
      const clock = new ManualClock(Date.now());
      server = await startTestApp({ overrides: { clock }, env: TRAFFIC_ENV });
      dir = await makeTempDir('prometheus');
      const port = await freePort();
      api = `http://127.0.0.1:${port}`;
      const rules = join(ROOT, 'deploy', 'prometheus', 'rules');
      await writeFile(
        join(dir, 'prometheus.yml'),
        [
          'global: { scrape_interval: 1s, evaluation_interval: 1s }',
          `rule_files: [${readdirSync(rules).filter((name) => name.endsWith('.rules.yml')).map((name) => JSON.stringify(join(rules, name))).join(', ')}]`,
          'scrape_configs:',
          `  - { job_name: standalone, static_configs: [{ targets: ["${new URL(server.url).host}"] }] }`,
          '',
        ].join('\n'),
      );
      prometheus = spawn(
        prometheusPath,
        [`--config.file=${join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`, '--log.level=warn'],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      prometheus.stdout?.on('data', (chunk) => (output += chunk));
      prometheus.stderr?.on('data', (chunk) => (output += chunk));
      try {
        await waitFor(async () => (await fetch(`${api}/-/ready`)).ok, 20_000, 100);
      } catch {
        throw new Error(`prometheus did not start: ${output}`);
      }
      // Two rounds a few scrapes apart, so every rate() has samples on both sides of the traffic.
      await driveTraffic(server, { clock });
      await waitFor(async () => ((await query('tessera_booking_holds_total > 0')).data?.result.length ?? 0) > 0, 15_000, 200);
      await driveTraffic(server, { clock });
      await waitFor(async () => ((await query('increase(tessera_booking_holds_total[1m]) > 5')).data?.result.length ?? 0) > 0, 15_000, 200);
    }, 90_000);

    afterAll(async () => {
      if (prometheus && prometheus.exitCode === null) {
        const exited = new Promise((done) => prometheus.once('close', done));
        prometheus.kill('SIGTERM');
        await exited;
      }
      await server?.close();
      if (dir) await removeDir(dir);
    });

    it('scrapes the server and loads the alert rules', async () => {
      const targets = (await (await fetch(`${api}/api/v1/targets`)).json()) as { data: { activeTargets: { health: string }[] } };
      expect(targets.data.activeTargets.map((target) => target.health)).toEqual(['up']);
      const rules = (await (await fetch(`${api}/api/v1/rules`)).json()) as { data: { groups: { rules: { health: string; name: string }[] }[] } };
      const all = rules.data.groups.flatMap((group) => group.rules);
      expect(all.length).toBeGreaterThan(30);
      expect(all.filter((rule) => rule.health === 'err')).toEqual([]);
    });

    const cases = dashboards.flatMap(({ dashboard }) => [
      ...dashboard.templating.list
        .filter((variable) => variable.type === 'query')
        .map((variable) => ({
          dashboard,
          what: `${dashboard.uid} variable $${variable.name}`,
          promql: variableQuery(typeof variable.query === 'string' ? variable.query : variable.query.query),
        })),
      ...panelsOf(dashboard.panels)
        .filter((panel) => panel.type !== 'row')
        .flatMap((panel) =>
          (panel.targets ?? []).map((target) => ({ dashboard, what: `${dashboard.uid} "${panel.title}" ${target.refId}`, promql: substitute(target.expr, dashboard) })),
        ),
    ]);

    it.each(cases.map((c) => [c.what, c] as const))('%s answers with data', async (_what, { promql }) => {
      expect(promql).not.toMatch(/\$\w/);
      const answer = await query(promql);
      expect({ promql, status: answer.status, error: answer.error }).toEqual({ promql, status: 'success', error: undefined });
      const result = answer.data?.result ?? [];
      expect({ promql, series: answer.data?.resultType === 'scalar' ? 1 : result.length }).toEqual({ promql, series: expect.any(Number) });
      expect({ promql, empty: answer.data?.resultType !== 'scalar' && result.length === 0 }).toEqual({ promql, empty: false });
    });
  });
});
