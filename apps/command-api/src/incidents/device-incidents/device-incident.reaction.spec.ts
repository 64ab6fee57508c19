import { randomUUID } from 'node:crypto';
import { incidentStream, type DeviceRuleCleared, type DeviceRuleRaised } from '@tessera/contracts';
import type { SlaPolicy } from '@tessera/domain';
import { toAppend } from '@tessera/platform/commands/event-sourcing';
import { EmbeddedEventStore } from '@tessera/platform/event-store/embedded';
import { HealthChecks } from '@tessera/platform/observability/health';
import { Metrics } from '@tessera/platform/observability/metrics';
import { EmbeddedReadStore } from '@tessera/platform/read-store/embedded';
import { Subscriptions } from '@tessera/platform/subscriptions/subscriptions';
import { makeTempDir, removeDir } from '@tessera/platform/testing/services';
import { SystemClock } from '@tessera/platform/time/clock';
import { DeviceIncidentReaction } from './device-incident.reaction';

/**
 * The device reaction over a real embedded log: two instances at once, and an instance that
 * starts over from the beginning of the log (a lost checkpoint), still write each incident and
 * its resolution once.
 */

const SLA: SlaPolicy = {
  P1: { acknowledgeMinutes: 5, resolveMinutes: 60 },
  P2: { acknowledgeMinutes: 15, resolveMinutes: 240 },
  P3: { acknowledgeMinutes: 60, resolveMinutes: 1440 },
  P4: { acknowledgeMinutes: 240, resolveMinutes: 4320 },
};

describe('DeviceIncidentReaction', () => {
  let dir: string;
  let store: EmbeddedEventStore;
  const running: { reaction: DeviceIncidentReaction; reads: EmbeddedReadStore }[] = [];

  const startReaction = async (): Promise<DeviceIncidentReaction> => {
    const reads = new EmbeddedReadStore();
    await reads.open();
    const reaction = new DeviceIncidentReaction(new Subscriptions(store, reads, new HealthChecks(), new Metrics()), store, new SystemClock(), SLA);
    await reaction.onApplicationBootstrap();
    running.push({ reaction, reads });
    return reaction;
  };
  const append = async (deviceId: string, event: DeviceRuleRaised | DeviceRuleCleared): Promise<number> => {
    const context = { actorId: 'system:device-rules', correlationId: randomUUID(), causationId: randomUUID(), now: new Date() };
    return (await store.append(`device-${deviceId}`, toAppend(`device-${deviceId}`, [event], context), { expectedRevision: 'any' })).position;
  };
  const raised = (deviceId: string, incidentId: string): DeviceRuleRaised => ({
    type: 'device.rule_raised.v1',
    data: { deviceId, venueId: 'arena', deviceType: 'turnstile', ruleId: 'offline', severity: 'critical', incidentId, raisedAt: new Date().toISOString(), reading: { status: 'offline', at: '2026-06-01T18:00:00.000Z' } },
  });
  const cleared = (deviceId: string, incidentId: string): DeviceRuleCleared => ({
    type: 'device.rule_cleared.v1',
    data: { deviceId, venueId: 'arena', ruleId: 'offline', incidentId, clearedAt: new Date().toISOString() },
  });
  const typesOf = async (incidentId: string) => (await store.readStream(incidentStream(incidentId))).map((event) => event.type);

  beforeEach(async () => {
    dir = await makeTempDir('device-incidents');
    store = await EmbeddedEventStore.open({ dataDir: dir });
  });

  afterEach(async () => {
    for (const { reaction, reads } of running.splice(0)) {
      await reaction.beforeApplicationShutdown();
      await reads.close();
    }
    await store.close();
    await removeDir(dir);
  });

  it('writes each incident and its resolution once when two instances handle the same events at the same time', async () => {
    const [a, b] = [await startReaction(), await startReaction()];
    const incidents = Array.from({ length: 10 }, () => randomUUID());
    let last = 0;
    for (const [i, incidentId] of incidents.entries()) {
      await append(`t${i}`, raised(`t${i}`, incidentId));
      last = await append(`t${i}`, cleared(`t${i}`, incidentId));
    }
    await Promise.all([a.whenProcessed(last), b.whenProcessed(last)]);
    for (const incidentId of incidents) expect(await typesOf(incidentId)).toEqual(['incident.reported.v1', 'incident.status_changed.v1']);
  });

  it('writes nothing more when an instance handles the whole log again (a lost checkpoint)', async () => {
    const first = await startReaction();
    const incidentId = randomUUID();
    await append('t1', raised('t1', incidentId));
    const last = await append('t1', cleared('t1', incidentId));
    await first.whenProcessed(last);
    const again = await startReaction(); // its own, empty read store: no checkpoint, from position 0
    await again.whenProcessed(last);
    expect(await typesOf(incidentId)).toEqual(['incident.reported.v1', 'incident.status_changed.v1']);
  });
});
