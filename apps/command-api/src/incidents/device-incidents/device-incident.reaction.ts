import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DEVICE_RULE_EVENT_TYPES, incidentStream, type DeviceRuleCleared, type DeviceRuleRaised } from '@tessera/contracts';
import { DomainError, Incident, type SlaPolicy } from '@tessera/domain';
import type { CommandContext } from '@tessera/platform/commands/event-sourcing';
import { type Decision, handleCommand } from '@tessera/platform/commands/handle-command';
import { EventStore, type RecordedEvent } from '@tessera/platform/event-store/event-store.port';
import type { Subscription } from '@tessera/platform/subscriptions/subscription';
import { Subscriptions } from '@tessera/platform/subscriptions/subscriptions';
import { Clock } from '@tessera/platform/time/clock';
import { SLA_POLICY } from '../sla-policy';

/**
 * Device incidents as a durable reaction on the platform subscription (checkpoint in the
 * ReadStore): a rule's raise (device.rule_raised.v1 on `device-{deviceId}`) becomes the incident
 * it names, `incident-{incidentId}`, appended expecting no stream; its clear
 * (device.rule_cleared.v1) resolves it. The event ids derive from the device event, so a
 * redelivery, or a second instance doing the same at the same time, writes nothing twice.
 */

export const DEVICE_INCIDENTS_CHECKPOINT = 'command-api.device-incidents';
/** Replaying a few raises after a restart costs a read each; a checkpoint write per event would cost more. */
const CHECKPOINT_EVERY = { events: 100, ms: 1000 };

@Injectable()
export class DeviceIncidentReaction implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('DeviceIncidents');
  private readonly subscription: Subscription;

  constructor(
    subscriptions: Subscriptions,
    private readonly events: EventStore,
    private readonly clock: Clock,
    @Inject(SLA_POLICY) private readonly sla: SlaPolicy,
  ) {
    this.subscription = subscriptions.create({
      name: DEVICE_INCIDENTS_CHECKPOINT,
      filter: { eventTypes: DEVICE_RULE_EVENT_TYPES },
      checkpoint: DEVICE_INCIDENTS_CHECKPOINT,
      checkpointEvery: CHECKPOINT_EVERY,
      handler: {
        handle: async (events) => {
          for (const event of events) await this.handle(event);
        },
      },
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.subscription.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.subscription.stop();
  }

  /** Resolves once the reaction has handled the device event at `position` (for tests and callers that read the incident next). */
  whenProcessed(position: number): Promise<void> {
    return this.subscription.whenHandled(position);
  }

  private async handle(event: RecordedEvent): Promise<void> {
    const context: CommandContext = {
      actorId: event.metadata.actorId,
      correlationId: event.metadata.correlationId,
      causationId: event.id,
      now: this.clock.now(),
    };
    if (event.type === 'device.rule_raised.v1') {
      const data = event.data as DeviceRuleRaised['data'];
      await this.decideAndAppend(data.incidentId, context, {
        type: 'RaiseFromDevice',
        data: {
          incidentId: data.incidentId,
          deviceId: data.deviceId,
          venueId: data.venueId,
          deviceType: data.deviceType,
          ruleId: data.ruleId,
          severity: data.severity,
          raisedAt: data.raisedAt,
          reading: data.reading,
        },
        metadata: { sla: this.sla },
      });
      return;
    }
    if (event.type === 'device.rule_cleared.v1') {
      const { incidentId, deviceId, clearedAt } = event.data as DeviceRuleCleared['data'];
      try {
        await this.decideAndAppend(incidentId, context, { type: 'ResolveFromDevice', data: { incidentId, deviceId, clearedAt } });
      } catch (error) {
        // A clear for an incident never raised cannot become one later: skip it, do not stall the subscription.
        if (!(error instanceof DomainError && error.code === 'INCIDENT_NOT_FOUND')) throw error;
        this.logger.warn({ incidentId, deviceId }, 'a device rule cleared an incident that was never raised; ignored');
      }
    }
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
