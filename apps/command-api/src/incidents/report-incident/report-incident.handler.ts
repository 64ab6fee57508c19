import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { incidentStream, type IncidentReported, type ReportIncidentResponse } from '@tessera/contracts';
import { Incident, type SlaPolicy } from '@tessera/domain';
import { Decision, handleCommand } from '@tessera/platform/commands/handle-command';
import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { SLA_POLICY } from '../sla-policy';
import { ReportIncidentCommand } from './report-incident.command';

/** Read the (new) incident stream, decide the report, append expecting no stream, answer. */
@CommandHandler(ReportIncidentCommand)
export class ReportIncidentHandler implements ICommandHandler<ReportIncidentCommand, ReportIncidentResponse> {
  constructor(
    private readonly store: EventStore,
    @Inject(SLA_POLICY) private readonly sla: SlaPolicy,
  ) {}

  execute({ incidentId, reporterId, request, context }: ReportIncidentCommand): Promise<ReportIncidentResponse> {
    const stream = incidentStream(incidentId);
    const { location } = request;
    const command: Incident.IncidentCommand = {
      type: 'ReportIncident',
      data: {
        incidentId,
        reporterId,
        title: request.title,
        description: request.description ?? '',
        // Only the fields given: the DTO instance may carry none of them.
        location: {
          ...(location?.showId === undefined ? {} : { showId: location.showId }),
          ...(location?.seatId === undefined ? {} : { seatId: location.seatId }),
          ...(location?.area === undefined ? {} : { area: location.area }),
        },
        category: request.category,
        urgency: request.urgency,
      },
      metadata: { now: context.now.toISOString(), sla: this.sla },
    };
    return handleCommand(this.store, {
      context,
      read: (streams) => streams.read(stream, Incident.incidentDecider),
      decide: (incident): Decision<ReportIncidentResponse> => {
        // Retried with the same Idempotency-Key after the report was written: the first answer again.
        const reported = incident.events.find((event) => event.type === 'incident.reported.v1' && event.metadata.causationId === context.causationId);
        if (reported) {
          const { priority } = (reported.data as IncidentReported['data']);
          return { answer: { incidentId, status: 'new', priority, position: String(reported.position) } };
        }
        const events = Incident.decide(command, incident.state);
        const [{ data }] = events as IncidentReported[];
        return { append: { [stream]: events }, answer: ({ position }) => ({ incidentId, status: 'new', priority: data.priority, position: String(position) }) };
      },
    });
  }
}
