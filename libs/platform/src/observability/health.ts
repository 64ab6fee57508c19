import { Controller, Get, Injectable, ServiceUnavailableException, Res } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/auth';

/** A dependency's check: resolves when it is ready (optionally with details), throws when not. */
export type ReadinessCheck = () => Promise<Record<string, unknown> | void>;

/**
 * Components register their readiness checks here (stores, locks, projections); GET /health
 * answers 200 when all pass and 503 with each dependency's state otherwise.
 */
@Injectable()
export class HealthChecks {
  private readonly checks = new Map<string, ReadinessCheck>();

  register(name: string, check: ReadinessCheck): void {
    this.checks.set(name, check);
  }

  entries(): [string, ReadinessCheck][] {
    return [...this.checks.entries()];
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
    const indicators = this.checks.entries().map(([name, check]) => async () => {
      const session = this.indicator.check(name);
      try {
        const details = await withTimeout(check(), CHECK_TIMEOUT_MS);
        return session.up(details ?? {});
      } catch (error) {
        return session.down({ message: error instanceof Error ? error.message : String(error) });
      }
    });
    try {
      const result = await this.health.check(indicators);
      await res.status(200).send(result);
    } catch (error) {
      // Terminus reports "not ready" as an exception; answer it here, not as a problem+json 500.
      if (error instanceof ServiceUnavailableException) {
        await res.status(503).send(error.getResponse());
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
