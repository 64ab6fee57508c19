import type { QueryBus } from '@nestjs/cqrs';
import type { StatsResponse } from '@tessera/contracts';
import { Metrics } from '@tessera/platform/observability/metrics';
import { LiveStatsMetrics } from './live-stats.metrics';

const stats = (devices: Partial<StatsResponse['devices']>, critical: number): StatsResponse => ({
  incidents: { open: critical + 2, bySeverity: { critical, high: 2, medium: 0, low: 0 }, byStatus: { new: critical + 2, acknowledged: 0, in_progress: 0, pending: 0, resolved: 0, closed: 0 }, breached: 0 },
  devices: { total: 0, online: 0, degraded: 0, offline: 0, silent: 0, ...devices },
  sales: { showsOnSale: 0, seatsSold: 0, revenueByCurrency: {} },
  position: '7',
});

describe('LiveStatsMetrics', () => {
  let answer: () => Promise<StatsResponse>;
  let metrics: Metrics;

  beforeEach(() => {
    metrics = new Metrics();
    const queries = { execute: () => answer() } as unknown as QueryBus;
    new LiveStatsMetrics(queries, metrics);
  });

  const samples = async (name: string): Promise<string[]> =>
    (await metrics.registry.metrics()).split('\n').filter((line) => line.startsWith(`${name}{`));

  it('reports the live counters at scrape time: devices by status, open incidents by severity', async () => {
    answer = async () => stats({ total: 5, online: 3, silent: 2 }, 1);
    expect(await samples('tessera_devices')).toEqual([
      'tessera_devices{status="online"} 3',
      'tessera_devices{status="degraded"} 0',
      'tessera_devices{status="offline"} 0',
      'tessera_devices{status="silent"} 2',
    ]);
    expect(await samples('tessera_incidents_open')).toEqual([
      'tessera_incidents_open{severity="critical"} 1',
      'tessera_incidents_open{severity="high"} 2',
      'tessera_incidents_open{severity="medium"} 0',
      'tessera_incidents_open{severity="low"} 0',
    ]);
    answer = async () => stats({ total: 5, online: 5 }, 0);
    expect(await samples('tessera_devices')).toContain('tessera_devices{status="silent"} 0');
  });

  it('has no series while the read store does not answer, and the scrape still succeeds; they come back with it', async () => {
    answer = async () => stats({ total: 1, offline: 1 }, 0);
    expect(await samples('tessera_devices')).toContain('tessera_devices{status="offline"} 1');
    answer = () => Promise.reject(new Error('read store unreachable'));
    const text = await metrics.registry.metrics();
    expect(text).toContain('# TYPE tessera_devices gauge');
    expect(await samples('tessera_devices')).toEqual([]);
    expect(await samples('tessera_incidents_open')).toEqual([]);
    answer = async () => stats({ total: 1, online: 1 }, 0);
    expect(await samples('tessera_devices')).toContain('tessera_devices{status="online"} 1');
  });
});
