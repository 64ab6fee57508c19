import { Controller, Get, Injectable, ServiceUnavailableException, Res } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, type HealthCheckResult } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/auth';

/** A dependency's check: resolves when it is ready (optionally with details), throws when not. */
export type ReadinessCheck = () => Promise<Record<string, unknown> | void>;

export interface HealthCheckOptions {
  /**
   * False for a dependency the process serves its HTTP API without (the MQTT broker): /health
   * shows it down, but still answers 200, so that a load balancer keeps sending requests that
   * would succeed. Default true.
   */
  affectsReadiness?: boolean;
}

/**
 * Components register their readiness checks here (stores, locks, projections); GET /health
 * answers 200 when all that affect readiness pass and 503 with each dependency's state otherwise.
 */
@Injectable()
export class HealthChecks {
  private readonly checks = new Map<string, ReadinessCheck>();
  private readonly informational = new Set<string>();

  register(name: string, check: ReadinessCheck, options: HealthCheckOptions = {}): void {
    this.checks.set(name, check);
    if (options.affectsReadiness === false) this.informational.add(name);
    else this.informational.delete(name);
  }

  entries(): [string, ReadinessCheck][] {
    return [...this.checks.entries()];
  }

  affectsReadiness(name: string): boolean {
    return !this.informational.has(name);
  }
}

const CHECK_TIMEOUT_MS = 3000;

const withTimeout = <T>(promise: Promise<T>, ms: number): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error)),
    );
  });

@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    private readonly checks: HealthChecks,
  ) {}

  /** Readiness: every registered dependency answers. */
  @Get()
  @HealthCheck()
  async ready(@Res() res: FastifyReply): Promise<void> {
    const indicator = ([name, check]: [string, ReadinessCheck]) => async () => {
      const session = this.indicator.check(name);
      try {
        const details = await withTimeout(check(), CHECK_TIMEOUT_MS);
        return session.up(details ?? {});
      } catch (error) {
        return session.down({ message: error instanceof Error ? error.message : String(error) });
      }
    };
    const entries = this.checks.entries();
    const informational = Promise.all(entries.filter(([name]) => !this.checks.affectsReadiness(name)).map((entry) => indicator(entry)()));
    const withInformational = async (result: HealthCheckResult): Promise<HealthCheckResult> => {
      const merged = { ...result, info: { ...result.info }, error: { ...result.error }, details: { ...result.details } };
      for (const outcome of await informational) {
        for (const [name, state] of Object.entries(outcome)) {
          merged.details[name] = state;
          if (state.status === 'up') merged.info[name] = state;
          else merged.error[name] = state;
        }
      }
      return merged;
    };
    try {
      const result = await this.health.check(entries.filter(([name]) => this.checks.affectsReadiness(name)).map(indicator));
      await res.status(200).send(await withInformational(result));
    } catch (error) {
      // Terminus reports "not ready" as an exception; answer it here, not as a problem+json 500.
      if (error instanceof ServiceUnavailableException) {
        await res.status(503).send(await withInformational(error.getResponse() as HealthCheckResult));
        return;
      }
      throw error;
    }
  }

  /** Liveness: the process answers. */
  @ApiOkResponse({ description: 'The process answers.', schema: { type: 'object', properties: { status: { type: 'string', enum: ['ok'] } }, required: ['status'], additionalProperties: false } })
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
