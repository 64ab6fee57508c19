import { Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { INCIDENT_STREAM_PREFIX, type IncidentDeadlines, type IncidentEvent, type SlaKind } from '@tessera/contracts';
import { isOpenIncidentStatus } from '@tessera/domain';
import type { TesseraConfig } from '@tessera/platform/config/config';
import type { RecordedEvent } from '@tessera/platform/event-store/event-store.port';
import { InjectConfig } from '@tessera/platform/platform.module';
import { Subscriptions } from '@tessera/platform/subscriptions/subscriptions';
import { Clock } from '@tessera/platform/time/clock';
import type { Counter } from 'prom-client';
import { LogSchedule, type ScheduledEntry } from '../../schedules/log-schedule';
import { RecordSlaBreachCommand } from './record-sla-breach.command';

export const SLA_BREACH_CHECKPOINT = 'command-api.sla-breaches';

interface PendingDeadline extends ScheduledEntry {
  dueAt: number;
}

const keyOf = (incidentId: string, kind: SlaKind): string => `${incidentId}/${kind}`;
const KINDS: readonly SlaKind[] = ['acknowledge', 'resolve'];

/**
 * The SLA breach schedule: every incident deadline not yet met, each checked once it is due.
 * A deadline leaves the schedule when the incident meets it in time (acknowledged, resolved),
 * when the breach is recorded, and while `pending` pauses the resolve clock; it moves when a
 * re-prioritisation moves it; a reopen, or the end of a pause, puts the resolve deadline back
 * (moved on by the pause). A late answer keeps its deadline waiting, so the breach is still
 * recorded. The decider judges each one from the stream (RecordSlaBreach), so a deadline checked
 * twice, here or on another instance, is recorded once.
 */
@Injectable()
export class SlaBreachSchedule extends LogSchedule<PendingDeadline, IncidentEvent> {
  private readonly breaches: Counter<string>;

  constructor(
    subscriptions: Subscriptions,
    private readonly commands: CommandBus,
    clock: Clock,
    @InjectConfig() config: TesseraConfig,
  ) {
    super(
      new Logger('SlaBreachSchedule'),
      { checkpoint: SLA_BREACH_CHECKPOINT, filter: { streamPrefixes: [INCIDENT_STREAM_PREFIX] }, sweepIntervalMs: config.SLA_SWEEP_INTERVAL_MS },
      subscriptions,
      clock,
    );
    // Where a breach is raised: the alert on missed deadlines counts these. Every kind starts at
    // 0, so increase() sees the first breach and the alert has a series to evaluate from the start.
    this.breaches = subscriptions.metrics.counter(
      'tessera_incidents_sla_breached_total',
      'Incident deadlines missed (incident.sla_breached.v1 appended by this instance), by kind: acknowledge or resolve',
      ['kind'],
    );
    for (const kind of KINDS) this.breaches.inc({ kind }, 0);
  }

  protected track(event: IncidentEvent, recorded: RecordedEvent): void {
    const { position } = recorded;
    switch (event.type) {
      case 'incident.reported.v1':
        this.wait(event.data.incidentId, event.data.deadlines, KINDS, position);
        break;
      case 'incident.status_changed.v1': {
        const { incidentId, from, to, at, deadlines } = event.data;
        const at_ = Date.parse(at);
        if (from === 'new' && at_ <= Date.parse(deadlines.acknowledgeBy)) this.remove(keyOf(incidentId, 'acknowledge'));
        // Resolved in time, or paused in time (pending stops the resolve clock).
        if ((!isOpenIncidentStatus(to) || to === 'pending') && at_ <= Date.parse(deadlines.resolveBy)) this.remove(keyOf(incidentId, 'resolve'));
        // Reopened, or back from pending: the resolve clock runs again, to the deadline the event names.
        if (to === 'in_progress' && (!isOpenIncidentStatus(from) || from === 'pending')) this.wait(incidentId, deadlines, ['resolve'], position);
        break;
      }
      case 'incident.reprioritized.v1': {
        const { incidentId, deadlines } = event.data;
        this.wait(incidentId, deadlines, KINDS.filter((kind) => this.pending().has(keyOf(incidentId, kind))), position);
        break;
      }
      case 'incident.sla_breached.v1':
        this.remove(keyOf(event.data.incidentId, event.data.kind));
        break;
      default:
        break;
    }
  }

  private wait(incidentId: string, deadlines: IncidentDeadlines, kinds: readonly SlaKind[], position: number): void {
    for (const kind of kinds) {
      const deadline = kind === 'acknowledge' ? deadlines.acknowledgeBy : deadlines.resolveBy;
      this.add(keyOf(incidentId, kind), { dueAt: Date.parse(deadline), position });
    }
  }

  protected dueAt(entry: PendingDeadline): number {
    return entry.dueAt;
  }

  protected async work(key: string, now: Date): Promise<void> {
    const slash = key.lastIndexOf('/');
    const kind = key.slice(slash + 1) as SlaKind;
    const { breached } = await this.commands.execute(new RecordSlaBreachCommand(key.slice(0, slash), kind, now));
    if (breached) this.breaches.inc({ kind });
  }

  protected override workFailed(key: string, error: unknown): void {
    this.logger.warn({ err: error, deadline: key }, 'could not check an incident deadline; will try again');
  }
}
