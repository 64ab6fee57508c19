import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { DomainError } from '@tessera/domain';
import { EventStore } from '@tessera/platform/event-store/event-store.port';
import type { OpenApiContribution } from '@tessera/platform/http/openapi';
import { ReadStore } from '@tessera/platform/read-store/read-store.port';
import type { FastifyRequest } from 'fastify';
import { from, Observable, switchMap } from 'rxjs';
import { CheckpointProgress } from './checkpoint-progress';
import { ProjectionProgress } from './projection-progress';
import type { ProjectionDescriptor } from './read-model';

/**
 * Read your writes (API.md, Conventions): a read with `X-Min-Position: <position>` answers only
 * once the read models it reads have reached that position, waiting at most 5 s, then 503
 * PROJECTION_LAGGING. Where the projector runs in the same process (standalone) its batches
 * signal the waiters; an app alone watches the projector's checkpoints of those read models in
 * the shared read store. Each app names the read models its routes read in a subclass.
 */

export const MIN_POSITION_HEADER = 'x-min-position';
export const MAX_WAIT_MS = 5_000;

const POSITION = /^\d{1,16}$/;

export const parseMinPosition = (value: string | string[] | undefined): number | undefined => {
  if (value === undefined) return undefined;
  const text = Array.isArray(value) ? value.join(',') : value;
  const position = POSITION.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!Number.isSafeInteger(position)) {
    throw new DomainError('VALIDATION_FAILED', 'X-Min-Position must be a log position: a decimal integer ≥ 0', {
      errors: [{ field: 'X-Min-Position', message: 'must be a decimal integer ≥ 0' }],
    });
  }
  return position;
};

@Injectable()
export abstract class MinPositionInterceptorOf implements NestInterceptor {
  /** What every route it guards adds to GET /openapi.json. */
  static readonly openApi: OpenApiContribution = {
    problems: ['PROJECTION_LAGGING'],
    headers: [
      {
        name: 'X-Min-Position',
        in: 'header',
        required: false,
        description: `Answer only once the read models have reached this log position (a write's \`position\`); waits at most ${MAX_WAIT_MS / 1000} s, then 503 PROJECTION_LAGGING.`,
        schema: { type: 'string', pattern: '^\\d{1,16}$' },
      },
    ],
  };

  /** The read models the guarded routes read. */
  protected abstract readonly readModels: readonly ProjectionDescriptor[];
  private progress: ProjectionProgress | undefined;

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly events: EventStore,
    private readonly reads: ReadStore,
  ) {}

  /** Waits, if asked to, before the handler reads. */
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<FastifyRequest>();
    const target = parseMinPosition(req.headers[MIN_POSITION_HEADER]);
    if (target === undefined) return next.handle();
    return from(this.waitFor(target)).pipe(switchMap(() => next.handle()));
  }

  private async waitFor(target: number): Promise<void> {
    if (await this.progressSource().waitFor(target, MAX_WAIT_MS)) return;
    throw new DomainError('PROJECTION_LAGGING', `the read models have not reached position ${target} within ${MAX_WAIT_MS / 1000} s; retry shortly`, {
      position: String(await this.progressSource().processedPosition()),
    });
  }

  /**
   * The projector of this process when there is one (standalone: one subscription applies every
   * read model's batch together), else the shared checkpoints of these read models.
   */
  private progressSource(): ProjectionProgress {
    if (!this.progress) {
      let local: ProjectionProgress | undefined;
      try {
        local = this.moduleRef.get(ProjectionProgress, { strict: false });
      } catch {
        local = undefined;
      }
      this.progress = local ?? new CheckpointProgress(this.events, this.reads, this.readModels);
    }
    return this.progress;
  }
}
