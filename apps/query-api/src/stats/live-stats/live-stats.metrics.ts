import { Injectable, Logger } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { INCIDENT_SEVERITIES, type StatsResponse } from '@tessera/contracts';
import { Metrics } from '@tessera/platform/observability/metrics';
import { COUNTED_DEVICE_STATUSES } from '@tessera/read-models';
import type { Gauge } from 'prom-client';
import { LiveStatsQuery } from './live-stats.query';

/**
 * The live counters of GET /api/stats on /metrics: devices by status and open incidents by
 * severity, read from the one `live_stats` document at scrape time (one lookup, as the route).
 * Every query API reads the same document, so instances report the same fleet: alerts take the
 * max over instances, never the sum. While the read store does not answer, the gauges have no
 * series (a stale count would look current); the scrape itself still succeeds.
 */
@Injectable()
export class LiveStatsMetrics {
  private readonly logger = new Logger('LiveStatsMetrics');

  constructor(queries: QueryBus, metrics: Metrics) {
    const report = (gauge: Gauge<string>, set: (stats: StatsResponse) => void): Promise<void> =>
      queries.execute(new LiveStatsQuery()).then(set, (error: unknown) => {
        gauge.reset();
        this.logger.warn(`could not read the live counters for /metrics: ${String(error)}`);
      });
    metrics.gauge('tessera_devices', 'Registered venue devices by status (online, degraded, offline, silent), from the live counters', ['status'], (gauge) =>
      report(gauge, ({ devices }) => {
        for (const status of COUNTED_DEVICE_STATUSES) gauge.set({ status }, devices[status]);
      }),
    );
    metrics.gauge('tessera_incidents_open', 'Open incidents (new, acknowledged, in progress, pending) by severity, from the live counters', ['severity'], (gauge) =>
      report(gauge, ({ incidents }) => {
        for (const severity of INCIDENT_SEVERITIES) gauge.set({ severity }, incidents.bySeverity[severity]);
      }),
    );
  }
}
