import { Controller, Get, Param, Query } from '@nestjs/common';
import type { EventMetadata } from '@tessera/contracts';
import { DomainError } from '@tessera/domain';
import { Roles } from '@tessera/platform/auth/auth';
import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { aggregateOf, redacted } from './stream-state';

/** Body of GET /api/audit/streams/{streamName} (API.md, Audit and analytics). */
export interface StreamAuditResponse {
  stream: string;
  /** The aggregate the state was folded with, when the prefix names one. */
  aggregate: string | null;
  /** The revision the state is as of (the last one when `at` is not given). */
  at: number;
  events: {
    revision: number;
    position: string;
    type: string;
    data: unknown;
    metadata: Omit<EventMetadata, 'schemaVersion'> & { schemaVersion?: number };
    recordedAt: string;
  }[];
  state: unknown;
}

/**
 * Any stream's full history with who/when/why, straight from the log (never from a read
 * model), and the state as of a revision folded with the domain's own evolve. Admins only.
 */
@Roles('admin')
@Controller('api/audit')
export class AuditHttpController {
  constructor(private readonly events: EventStore) {}

  @Get('streams/:stream')
  async stream(@Param('stream') stream: string, @Query('at') at?: string): Promise<StreamAuditResponse> {
    const revisionAt = at === undefined ? undefined : /^\d{1,9}$/.test(at) ? Number(at) : Number.NaN;
    if (Number.isNaN(revisionAt)) {
      throw new DomainError('VALIDATION_FAILED', 'at must be a stream revision (a whole number ≥ 0)', {
        errors: [{ field: 'at', message: 'must be a whole number ≥ 0' }],
      });
    }
    const recorded = await this.events.readStream(stream);
    if (recorded.length === 0 || stream.startsWith('$')) {
      throw new DomainError('STREAM_NOT_FOUND', `stream ${stream} does not exist`, { stream });
    }
    const last = recorded[recorded.length - 1].revision;
    if (revisionAt !== undefined && revisionAt > last) {
      throw new DomainError('STREAM_NOT_FOUND', `stream ${stream} has no revision ${revisionAt} (last is ${last})`, { stream, last });
    }
    const upTo = revisionAt ?? last;
    const aggregate = aggregateOf(stream);
    const state = aggregate
      ? recorded.filter((event) => event.revision <= upTo).reduce((s, e) => aggregate.evolve(s, { type: e.type, data: e.data }), aggregate.initialState)
      : null;
    return {
      stream,
      aggregate: aggregate?.name ?? null,
      at: upTo,
      events: recorded.map((event) => ({
        revision: event.revision,
        position: String(event.position),
        type: event.type,
        data: redacted(event.data),
        metadata: event.metadata,
        recordedAt: event.recordedAt,
      })),
      state: redacted(state),
    };
  }
}
