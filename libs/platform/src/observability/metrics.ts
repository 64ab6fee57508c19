import { Controller, Get, Header, Injectable, Res } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Public } from '../auth/auth';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Prometheus metrics. Each application owns a registry (tests run several apps in one process,
 * and prom-client's global registry would collide); /metrics exposes it.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'tessera_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  private readonly tallies = new Map<string, Tally>();

  /** Counted by the instrumented event store (see port-metrics.ts) for every append that succeeded. */
  readonly eventsAppended = this.tally('tessera_events_appended_total', 'Events appended to the log, by event type (a bounded set: the contract\'s versioned types)', 'type');

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'tessera_' });
  }

  counter(name: string, help: string, labelNames: string[] = []): Counter<string> {
    const existing = this.registry.getSingleMetric(name);
    if (existing) return existing as Counter<string>;
    return new Counter({ name, help, labelNames, registers: [this.registry] });
  }

  histogram(name: string, help: string, labelNames: string[] = [], buckets?: number[]): Histogram<string> {
    const existing = this.registry.getSingleMetric(name);
    if (existing) return existing as Histogram<string>;
    return new Histogram({ name, help, labelNames, buckets, registers: [this.registry] });
  }

  /**
   * A counter for hot paths (see Tally), with at most one label; registered once per name. The
   * label values known in advance (`knownValues`) are exported at 0 from the start, as Prometheus'
   * instrumentation guide advises, so that a rate over them exists before the first one happens.
   */
  tally(name: string, help: string, labelName?: string, knownValues: readonly string[] = []): Tally {
    const existing = this.tallies.get(name);
    if (existing) return existing;
    const tally = new Tally();
    const counter = new Counter({
      name,
      help,
      labelNames: labelName ? [labelName] : [],
      registers: [this.registry],
      collect() {
        tally.drain((value, count) => (labelName ? this.inc({ [labelName]: value }, count) : this.inc(count)));
      },
    });
    if (labelName) for (const value of knownValues) counter.inc({ [labelName]: value }, 0);
    this.tallies.set(name, tally);
    return tally;
  }

  /** A gauge whose value is read at scrape time; registered once per name. */
  gauge(name: string, help: string, labelNames: string[], collect: (gauge: Gauge<string>) => void | Promise<void>): Gauge<string> {
    const existing = this.registry.getSingleMetric(name);
    if (existing) return existing as Gauge<string>;
    return new Gauge({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        await collect(this);
      },
    });
  }
}

/**
 * A counter for paths that run per event or per append: counted in a plain map and handed to
 * prom-client when /metrics is scraped, because prom-client hashes the label set on every
 * increment, which costs more than the rest of the bookkeeping (a few microseconds an append).
 */
export class Tally {
  private readonly pending = new Map<string, number>();

  /** One more (or `count` more) for the label value (none for a counter without a label). */
  add(value = '', count = 1): void {
    this.pending.set(value, (this.pending.get(value) ?? 0) + count);
  }

  /** Hands what was counted since the last scrape over, and starts again from zero. */
  drain(into: (value: string, count: number) => void): void {
    for (const [value, count] of this.pending) into(value, count);
    this.pending.clear();
  }
}

/**
 * Request duration by method, matched route pattern and status, observed once the response has gone
 * (an onResponse hook, with Fastify's own elapsed time: no timer object per request). The route is
 * the pattern (`/api/shows/:showId`), never the raw URL: ids in paths would explode cardinality.
 */
export const installHttpMetrics = (fastify: FastifyInstance, metrics: Metrics): void => {
  const duration = metrics.httpDuration;
  fastify.addHook('onResponse', (request, reply, done) => {
    duration.observe({ method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) }, reply.elapsedTime / 1000);
    done();
  });
};

@Public()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: Metrics) {}

  @ApiOkResponse({ description: 'Prometheus text exposition format.', content: { 'text/plain': { schema: { type: 'string' } } } })
  @Get()
  @Header('Cache-Control', 'no-store')
  async scrape(@Res() res: FastifyReply): Promise<void> {
    const text = await this.metrics.registry.metrics();
    await res.header('Content-Type', this.metrics.registry.contentType).send(text);
  }
}

