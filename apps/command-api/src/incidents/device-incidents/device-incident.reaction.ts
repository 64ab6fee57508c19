import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  DEVICE_RULE_EVENT_TYPES,
  ENTITY_ID_PATTERN,
  INCIDENT_SEVERITIES,
  incidentStream,
  type DeviceRuleCleared,
  type DeviceRuleRaised,
  type IncidentSeverity,
} from '@tessera/contracts';
import { DomainError, Incident, type SlaPolicy } from '@tessera/domain';
import type { CommandContext } from '@tessera/platform/commands/event-sourcing';
import { type Decision, handleCommand } from '@tessera/platform/commands/handle-command';
import { EventStore, type RecordedEvent } from '@tessera/platform/event-store/event-store.port';
import { Subscriptions } from '@tessera/platform/subscriptions/subscriptions';
import { Clock } from '@tessera/platform/time/clock';
import { SLA_POLICY } from '../sla-policy';
import { LogReaction } from '../../reactions/log-reaction';

/**
 * Device incidents as a durable reaction on the platform subscription (checkpoint in the
 * ReadStore): a rule's raise (device.rule_raised.v1 on `device-{deviceId}`) becomes the incident
 * it names, `incident-{incidentId}`, appended expecting no stream; its clear
 * (device.rule_cleared.v1) resolves it. The event ids derive from the device event, so a
 * redelivery, or a second instance doing the same at the same time, writes nothing twice.
 */

export const DEVICE_INCIDENTS_CHECKPOINT = 'command-api.device-incidents';

@Injectable()
export class DeviceIncidentReaction extends LogReaction {
  private readonly logger = new Logger('DeviceIncidents');

  constructor(
    subscriptions: Subscriptions,
    private readonly events: EventStore,
    private readonly clock: Clock,
    @Inject(SLA_POLICY) private readonly sla: SlaPolicy,
  ) {
    super(subscriptions, DEVICE_INCIDENTS_CHECKPOINT, DEVICE_RULE_EVENT_TYPES);
  }

  protected async handle(event: RecordedEvent): Promise<void> {
    const context: CommandContext = {
      actorId: event.metadata.actorId,
      correlationId: event.metadata.correlationId,
      causationId: event.id,
      now: this.clock.now(),
    };
    const command = this.commandFor(event);
    if (!command) {
      this.logger.warn({ eventId: event.id, stream: event.stream, type: event.type }, 'a device rule event without the fields an incident needs; ignored');
      return;
    }
    try {
      await this.decideAndAppend(command.data.incidentId, context, command);
    } catch (error) {
      // A refusal is the same on every retry (a clear for an incident never raised, a time that is
      // not one): retrying would stall every device incident after it. Skip it, loudly.
      if (!(error instanceof DomainError)) throw error;
      this.logger.warn({ eventId: event.id, incidentId: command.data.incidentId, code: error.code }, `a device rule event was refused: ${error.message}; ignored`);
    }
  }

  /** The command a device rule event asks for, or undefined when the event lacks what it needs. */
  private commandFor(event: RecordedEvent): Incident.RaiseFromDevice | Incident.ResolveFromDevice | undefined {
    const text = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
    if (event.type === 'device.rule_raised.v1') {
      const data = event.data as Partial<DeviceRuleRaised['data']>;
      const { incidentId, deviceId, venueId, deviceType, ruleId, severity, raisedAt, reading } = data;
      if (!text(incidentId) || !ENTITY_ID_PATTERN.test(incidentId) || !text(deviceId) || !text(venueId) || !text(deviceType) || !text(ruleId) || !text(raisedAt)) return undefined;
      if (!(INCIDENT_SEVERITIES as readonly unknown[]).includes(severity)) return undefined;
      return {
        type: 'RaiseFromDevice',
        data: { incidentId, deviceId, venueId, deviceType, ruleId, severity: severity as IncidentSeverity, raisedAt, reading: reading ?? {} },
        metadata: { sla: this.sla },
      };
    }
    if (event.type === 'device.rule_cleared.v1') {
      const { incidentId, deviceId, clearedAt } = event.data as Partial<DeviceRuleCleared['data']>;
      if (!text(incidentId) || !ENTITY_ID_PATTERN.test(incidentId) || !text(deviceId) || !text(clearedAt)) return undefined;
      return { type: 'ResolveFromDevice', data: { incidentId, deviceId, clearedAt } };
    }
    return undefined;
  }

  /** Read the incident (no stream yet, for a raise), decide, append at the revision read. */
  private decideAndAppend(incidentId: string, context: CommandContext, command: Incident.IncidentCommand): Promise<void> {
    const stream = incidentStream(incidentId);
    return handleCommand(this.events, {
      context,
      read: (streams) => streams.read(stream, Incident.incidentDecider),
      decide: (incident): Decision<void> => {
        const events = Incident.decide(command, incident.state);
        return events.length === 0 ? { answer: undefined } : { append: { [stream]: events }, answer: () => undefined };
      },
    });
  }
}
