import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { incidentStream } from '@tessera/contracts';
import { Incident } from '@tessera/domain';
import type { CommandContext } from '@tessera/platform/commands/event-sourcing';
import { Decision, handleCommand } from '@tessera/platform/commands/handle-command';
import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { RecordSlaBreachCommand } from './record-sla-breach.command';

type Outcome = { breached: boolean; position?: string };

/**
 * incident.sla_breached.v1 once per kind, appended at the revision read. Safe on several
 * instances at once: the event id derives from the incident and the kind, so two instances that
 * read the same revision append the same event (the log takes the second as a repeat), and one
 * that reads after the first append finds the breach recorded and decides nothing.
 */
@CommandHandler(RecordSlaBreachCommand)
export class RecordSlaBreachHandler implements ICommandHandler<RecordSlaBreachCommand, Outcome> {
  constructor(private readonly store: EventStore) {}

  execute({ incidentId, kind, now }: RecordSlaBreachCommand): Promise<Outcome> {
    const stream = incidentStream(incidentId);
    const context: CommandContext = {
      actorId: 'system:sla',
      correlationId: incidentId,
      causationId: `sla-breach:${incidentId}:${kind}`,
      now,
    };
    const command: Incident.RecordSlaBreach = { type: 'RecordSlaBreach', data: { incidentId, kind }, metadata: { now: now.toISOString() } };
    return handleCommand(this.store, {
      context,
      read: (streams) => streams.read(stream, Incident.incidentDecider),
      decide: (incident): Decision<Outcome> => {
        const events = Incident.decide(command, incident.state);
        if (events.length === 0) return { answer: { breached: false } };
        return { append: { [stream]: events }, answer: ({ position }) => ({ breached: true, position: String(position) }) };
      },
    });
  }
}
