import { randomUUID } from 'node:crypto';
import type { CommandBus } from '@nestjs/cqrs';
import { incidentStream, type IncidentEvent } from '@tessera/contracts';
import { Incident, type SlaPolicy } from '@tessera/domain';
import { loadConfig } from '@tessera/platform/config/config';
import { toAppend } from '@tessera/platform/commands/event-sourcing';
import { EmbeddedEventStore } from '@tessera/platform/event-store/embedded';
import { HealthChecks } from '@tessera/platform/observability/health';
import { Metrics } from '@tessera/platform/observability/metrics';
import { EmbeddedReadStore } from '@tessera/platform/read-store/embedded';
import { Subscriptions } from '@tessera/platform/subscriptions/subscriptions';
import { makeTempDir, removeDir } from '@tessera/platform/testing/services';
import { Clock } from '@tessera/platform/time/clock';
import { RecordSlaBreachCommand } from './record-sla-breach.command';
import { RecordSlaBreachHandler } from './record-sla-breach.handler';
import { SlaBreachSchedule } from './sla-breach-schedule';

/**
 * The SLA breach schedule over a real embedded log and read store, with the real breach handler
 * and a clock the test moves: one breach per missed deadline, none for a deadline met, one in all
 * when two instances sweep at once, and every waiting deadline found again after a restart.
 */

class ManualClock extends Clock {
  constructor(public ms: number) {
    super();
  }
  now(): Date {
    return new Date(this.ms);
  }
}

const T0 = Date.parse('2027-05-01T18:00:00.000Z');
const minutes = (n: number): number => T0 + n * 60_000;
const SLA: SlaPolicy = {
  P1: { acknowledgeMinutes: 5, resolveMinutes: 60 },
  P2: { acknowledgeMinutes: 15, resolveMinutes: 240 },
  P3: { acknowledgeMinutes: 60, resolveMinutes: 1440 },
  P4: { acknowledgeMinutes: 240, resolveMinutes: 4320 },
};

describe('SlaBreachSchedule', () => {
  let dir: string;
  let store: EmbeddedEventStore;
  let clock: ManualClock;
  const running: { schedule: SlaBreachSchedule; reads: EmbeddedReadStore }[] = [];

  /** One instance of the schedule, with its own read store (checkpoint) unless given one. */
  const startSchedule = async (reads?: EmbeddedReadStore): Promise<SlaBreachSchedule> => {
    const readStore = reads ?? new EmbeddedReadStore();
    if (!reads) await readStore.open();
    const handler = new RecordSlaBreachHandler(store);
    const commands = { execute: (command: RecordSlaBreachCommand) => handler.execute(command) } as unknown as CommandBus;
    const schedule = new SlaBreachSchedule(new Subscriptions(store, readStore, new HealthChecks(), new Metrics()), commands, clock, loadConfig({ SLA_SWEEP_INTERVAL_MS: '600000' }));
    await schedule.onApplicationBootstrap();
    running.push({ schedule, reads: readStore });
    return schedule;
  };

  /** Decide with the real decider and append, as the command handlers would. */
  const act = async (incidentId: string, command: Incident.IncidentCommand): Promise<number> => {
    const stream = incidentStream(incidentId);
    const history = await store.readStream(stream);
    const state = history.reduce((s, e) => Incident.evolve(s, { type: e.type, data: e.data } as IncidentEvent), Incident.initialState);
    const events = Incident.decide(command, state);
    const context = { actorId: 'test', correlationId: randomUUID(), causationId: randomUUID(), now: new Date(clock.ms) };
    const result = await store.append(stream, toAppend(stream, events, context), { expectedRevision: history.at(-1)?.revision ?? 'no_stream' });
    return result.position;
  };
  const report = (incidentId: string, at = minutes(0)) =>
    act(incidentId, {
      type: 'ReportIncident',
      data: { incidentId, reporterId: 'fan1', title: 'Leak', description: '', location: {}, category: 'facility', urgency: 'medium' },
      metadata: { now: new Date(at).toISOString(), sla: SLA },
    });
  const move = (incidentId: string, status: 'acknowledged' | 'in_progress' | 'pending' | 'resolved', at: number) =>
    act(incidentId, { type: 'UpdateIncident', data: { incidentId, by: 'staff1', status }, metadata: { now: new Date(at).toISOString(), sla: SLA } });
  const breaches = async (incidentId: string) =>
    (await store.readStream(incidentStream(incidentId))).filter((e) => e.type === 'incident.sla_breached.v1').map((e) => (e.data as { kind: string }).kind);
  const waitFor = async (schedule: SlaBreachSchedule, key: string, present: boolean): Promise<void> => {
    for (let i = 0; i < 400 && schedule.pending().has(key) !== present; i++) await new Promise((r) => setTimeout(r, 5));
    expect(schedule.pending().has(key)).toBe(present);
  };

  beforeEach(async () => {
    dir = await makeTempDir('sla-breaches');
    store = await EmbeddedEventStore.open({ dataDir: dir });
    clock = new ManualClock(minutes(0));
  });

  afterEach(async () => {
    for (const { schedule, reads } of running.splice(0)) {
      await schedule.onModuleDestroy();
      await reads.close();
    }
    await store.close();
    await removeDir(dir);
  });

  it('records a missed acknowledge deadline once it is due, and the resolve deadline later', async () => {
    const schedule = await startSchedule();
    await report('i1');
    await waitFor(schedule, 'i1/resolve', true);
    clock.ms = minutes(59);
    await schedule.sweep();
    expect(await breaches('i1')).toEqual([]);
    clock.ms = minutes(61);
    await schedule.sweep();
    expect(await breaches('i1')).toEqual(['acknowledge']);
    await waitFor(schedule, 'i1/acknowledge', false);
    clock.ms = minutes(1441);
    await schedule.sweep();
    await schedule.sweep();
    expect(await breaches('i1')).toEqual(['acknowledge', 'resolve']);
    expect(schedule.pending().size).toBe(0);
  });

  it('records nothing for deadlines met in time, and drops them from the schedule', async () => {
    const schedule = await startSchedule();
    await report('i2');
    await move('i2', 'acknowledged', minutes(10));
    await move('i2', 'in_progress', minutes(11));
    await move('i2', 'resolved', minutes(12));
    await waitFor(schedule, 'i2/resolve', false);
    expect(schedule.pending().has('i2/acknowledge')).toBe(false);
    clock.ms = minutes(5000);
    await schedule.sweep();
    expect(await breaches('i2')).toEqual([]);
  });

  it('still records a deadline answered late, when the answer came before the sweep', async () => {
    const schedule = await startSchedule();
    await report('i3');
    await move('i3', 'acknowledged', minutes(70));
    clock.ms = minutes(71);
    await waitFor(schedule, 'i3/acknowledge', true);
    await schedule.sweep();
    expect(await breaches('i3')).toEqual(['acknowledge']);
  });

  it('puts the resolve deadline back on a reopen', async () => {
    const schedule = await startSchedule();
    await report('i4');
    await move('i4', 'acknowledged', minutes(1));
    await move('i4', 'in_progress', minutes(2));
    await move('i4', 'resolved', minutes(3));
    await waitFor(schedule, 'i4/resolve', false);
    await move('i4', 'in_progress', minutes(4));
    await waitFor(schedule, 'i4/resolve', true);
    clock.ms = minutes(1441);
    await schedule.sweep();
    expect(await breaches('i4')).toEqual(['resolve']);
  });

  it('pauses the resolve deadline while pending, and checks the moved one after', async () => {
    const schedule = await startSchedule();
    await report('i5');
    await move('i5', 'acknowledged', minutes(1));
    await move('i5', 'in_progress', minutes(2));
    await move('i5', 'pending', minutes(10));
    await waitFor(schedule, 'i5/resolve', false);
    clock.ms = minutes(1441);
    await schedule.sweep();
    expect(await breaches('i5')).toEqual([]);
    // Back after 100 minutes pending: due at 1440 + 100.
    await move('i5', 'in_progress', minutes(110));
    await waitFor(schedule, 'i5/resolve', true);
    expect(schedule.pending().get('i5/resolve')?.dueAt).toBe(minutes(1540));
    await schedule.sweep();
    expect(await breaches('i5')).toEqual([]);
    clock.ms = minutes(1540);
    await schedule.sweep();
    expect(await breaches('i5')).toEqual(['resolve']);
  });

  it('records each breach once when two instances sweep the same deadlines at the same time', async () => {
    const [a, b] = [await startSchedule(), await startSchedule()];
    const ids = Array.from({ length: 20 }, (_, i) => `many-${i}`);
    for (const id of ids) await report(id);
    await waitFor(a, `${ids.at(-1)}/resolve`, true);
    await waitFor(b, `${ids.at(-1)}/resolve`, true);
    clock.ms = minutes(61);
    await Promise.all([a.sweep(), b.sweep()]);
    for (const id of ids) expect(await breaches(id)).toEqual(['acknowledge']);
  });

  it('finds every waiting deadline again after a restart, from its checkpoint', async () => {
    const reads = new EmbeddedReadStore();
    await reads.open();
    const first = await startSchedule(reads);
    await report('old');
    await report('done');
    await move('done', 'acknowledged', minutes(1));
    await waitFor(first, 'done/acknowledge', false);
    clock.ms = minutes(1);
    await first.sweep(); // commits the checkpoint
    await first.onModuleDestroy();
    running.splice(running.findIndex((r) => r.schedule === first), 1);

    const second = await startSchedule(reads);
    await waitFor(second, 'old/acknowledge', true);
    expect(second.pending().has('done/acknowledge')).toBe(false);
    clock.ms = minutes(61);
    await second.sweep();
    expect(await breaches('old')).toEqual(['acknowledge']);
    expect(await breaches('done')).toEqual([]);
  });
});
