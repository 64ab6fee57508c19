import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { accountStream, incidentStream, type UpdateIncidentResponse } from '@tessera/contracts';
import { accountDecider, DomainError, Incident, isIncidentOpened, type SlaPolicy } from '@tessera/domain';
import { loadStream } from '@tessera/platform/commands/event-sourcing';
import { Decision, handleCommand } from '@tessera/platform/commands/handle-command';
import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { SLA_POLICY } from '../sla-policy';
import { UpdateIncidentCommand } from './update-incident.command';

/**
 * Read the incident, decide the changes, append at the revision read. A PATCH that changes
 * nothing (every field already so) writes nothing and answers the incident's last position.
 * An incident is assigned to staff only: a new assignee's account is read first, and an id that
 * names no account, or a fan's, is refused (400 on `assigneeId`) before anything is decided.
 */
@CommandHandler(UpdateIncidentCommand)
export class UpdateIncidentHandler implements ICommandHandler<UpdateIncidentCommand, UpdateIncidentResponse> {
  constructor(
    private readonly store: EventStore,
    @Inject(SLA_POLICY) private readonly sla: SlaPolicy,
  ) {}

  async execute({ incidentId, staffId, changes, context }: UpdateIncidentCommand): Promise<UpdateIncidentResponse> {
    if (typeof changes.assigneeId === 'string') await this.requireStaff(changes.assigneeId);
    const stream = incidentStream(incidentId);
    const command: Incident.UpdateIncident = {
      type: 'UpdateIncident',
      data: {
        incidentId,
        by: staffId,
        ...(changes.status === undefined ? {} : { status: changes.status }),
        ...(changes.assigneeId === undefined ? {} : { assigneeId: changes.assigneeId }),
        ...(changes.impact === undefined ? {} : { impact: changes.impact }),
        ...(changes.severity === undefined ? {} : { severity: changes.severity }),
        ...(changes.note === undefined ? {} : { note: changes.note }),
      },
      metadata: { now: context.now.toISOString(), sla: this.sla },
    };
    return handleCommand(this.store, {
      context,
      read: (streams) => streams.read(stream, Incident.incidentDecider),
      decide: (incident): Decision<UpdateIncidentResponse> => {
        const events = Incident.decide(command, incident.state);
        const after = events.reduce(Incident.evolve, incident.state);
        if (!isIncidentOpened(after)) throw new Error('an incident the decider changed must exist');
        const answer = (position: number): UpdateIncidentResponse => ({ incidentId, status: after.status, priority: after.priority, position: String(position) });
        if (events.length === 0) return { answer: answer(incident.events.at(-1)?.position ?? 0) };
        return { append: { [stream]: events }, answer: ({ position }) => answer(position) };
      },
    });
  }

  /** The assignee is read once, before the incident: the incident's revision is what the append guards. */
  private async requireStaff(assigneeId: string): Promise<void> {
    const { state } = await loadStream(this.store, accountStream(assigneeId), accountDecider.evolve, accountDecider.initialState);
    if (state.status === 'registered' && state.roles.some((role) => role === 'staff' || role === 'admin')) return;
    const message = 'assigneeId must name a staff member or an admin';
    throw new DomainError('VALIDATION_FAILED', message, { errors: [{ field: 'assigneeId', message }] });
  }
}
