import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DomainError } from '@tessera/domain';
import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { StreamAuditQuery, type StreamAuditResponse } from './stream-audit.query';
import { aggregateOf, redacted } from './stream-state';

/**
 * Any stream's full history with who/when/why, straight from the log (never from a read
 * model), and the state as of a revision folded with the domain's own evolve. System streams
 * (`$…`) answer 404 like missing ones.
 */
@QueryHandler(StreamAuditQuery)
export class StreamAuditHandler implements IQueryHandler<StreamAuditQuery, StreamAuditResponse> {
  constructor(private readonly events: EventStore) {}

  async execute({ stream, at }: StreamAuditQuery): Promise<StreamAuditResponse> {
    const recorded = await this.events.readStream(stream);
    if (recorded.length === 0 || stream.startsWith('$')) {
      throw new DomainError('STREAM_NOT_FOUND', `stream ${stream} does not exist`, { stream });
    }
    const last = recorded[recorded.length - 1].revision;
    if (at !== undefined && at > last) {
      throw new DomainError('STREAM_NOT_FOUND', `stream ${stream} has no revision ${at} (last is ${last})`, { stream, last });
    }
    const upTo = at ?? last;
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
