import { randomUUID } from 'node:crypto';
import { Metrics } from '@tessera/platform/observability/metrics';
import { PermanentDeliveryError, RetryableDeliveryError } from '../channels/notification-channel';
import { Outbox } from '../email/outbox';
import { eventually, LogWriter, openSharedStores, startNotifier, type NotifierInstance, type SharedStores } from '../testing/notifier-harness';
import { ChannelConsumers } from './channel-consumers';
import { DeliveryLedger } from './delivery-ledger';

const countOf = async (notifier: NotifierInstance, labels: Record<string, string>): Promise<number> => {
  const metric = await notifier.app.get(Metrics).registry.getSingleMetric('tessera_notifier_deliveries_total')?.get();
  return metric?.values.find((value) => Object.entries(labels).every(([key, label]) => value.labels[key] === label))?.value ?? 0;
};

const healthOf = async (notifier: NotifierInstance): Promise<Record<string, { status: string; message?: string; state?: string }>> => {
  const server = notifier.app.getHttpAdapter().getInstance() as { inject(options: { method: string; url: string }): Promise<{ body: string }> };
  return (JSON.parse((await server.inject({ method: 'GET', url: '/health' })).body) as { details: Record<string, { status: string }> }).details;
};

/** One consumer-group member per channel: each channel fails, retries and parks on its own. */
describe('ChannelConsumers', () => {
  let stores: SharedStores;
  let log: LogWriter;
  let notifier: NotifierInstance;

  beforeEach(async () => {
    stores = await openSharedStores();
    log = new LogWriter(stores.events);
    // No SMTP_URL: e-mail goes to .eml files, so the e-mail channel always succeeds here.
    notifier = await startNotifier(stores, { NOTIFIER_MAX_DELIVERIES: '50' });
  });

  afterEach(async () => {
    await notifier.app.close();
    await stores.close();
  });

  it('keeps e-mail going while another channel fails, and that channel gets every event once it recovers', async () => {
    notifier.recorder.failWith = new RetryableDeliveryError('broker down');
    const users = [randomUUID(), randomUUID(), randomUUID()];
    const events = [];
    for (const userId of users) events.push(await log.register(userId, `${userId}@example.com`, 'Fan'));

    const outbox = notifier.app.get(Outbox);
    await eventually(async () => (await outbox.count({ status: 'sent' })) === users.length, 10_000, 'e-mail sent while the other channel fails');
    expect(notifier.recorder.delivered).toEqual([]);
    await eventually(async () => (await healthOf(notifier))['notifier-recorder']?.status === 'down', 10_000, 'the failing channel shown on /health');
    expect((await healthOf(notifier))['notifier-recorder'].message).toContain('broker down');
    expect(await countOf(notifier, { channel: 'recorder', outcome: 'retried' })).toBeGreaterThan(0);

    notifier.recorder.failWith = undefined;
    await eventually(() => notifier.recorder.delivered.length === users.length, 20_000, 'the recovered channel caught up');
    // Each account is its own stream, so order across them is not promised; each arrived once.
    expect(notifier.recorder.delivered.map((event) => event.id).sort()).toEqual(events.map((event) => event.id).sort());
    await eventually(async () => (await healthOf(notifier))['notifier-recorder']?.status === 'up', 10_000, 'the channel up again');
  });

  it('forgets deliveries older than a day, and keeps failures', async () => {
    const ledger = notifier.app.get(DeliveryLedger);
    const [old, recent, refused] = [await log.register(randomUUID(), 'o@example.com', 'O'), await log.register(randomUUID(), 'r@example.com', 'R'), await log.register(randomUUID(), 'f@example.com', 'F')];
    const dayAndMinuteAgo = new Date(Date.now() - 24 * 3_600_000 - 60_000);
    await ledger.record('elsewhere', old, 'delivered', dayAndMinuteAgo);
    await ledger.record('elsewhere', recent, 'delivered', new Date());
    await ledger.record('elsewhere', refused, 'failed', dayAndMinuteAgo, 'refused');
    expect(await notifier.app.get(ChannelConsumers).pruneLedger()).toBeGreaterThanOrEqual(1);
    expect(await ledger.seen('elsewhere', old.id)).toBeNull();
    expect(await ledger.seen('elsewhere', recent.id)).not.toBeNull();
    expect(await ledger.seen('elsewhere', refused.id)).toMatchObject({ outcome: 'failed' });
  });

  it('reading alone, forgets each delivery once its checkpoint is past it, and keeps failures', async () => {
    const ledger = notifier.app.get(DeliveryLedger);
    const recorder = notifier.app.get(ChannelConsumers).subscriptionOf('recorder');
    notifier.recorder.failWith = new PermanentDeliveryError('no topic for this');
    const refused = await log.register(randomUUID(), 'refused@example.com', 'R');
    await eventually(async () => (await ledger.seen('recorder', refused.id))?.outcome === 'failed');
    notifier.recorder.failWith = undefined;
    const events = [];
    for (let i = 0; i < 20; i++) events.push(await log.register(randomUUID(), `fan${i}@example.com`, 'Fan'));
    const last = events[events.length - 1];
    await eventually(() => notifier.recorder.delivered.some((event) => event.id === last.id));
    await eventually(async () => (recorder?.status.checkpoint ?? -1) >= last.position && (await ledger.count('recorder', 'delivered')) === 0, 10_000, 'delivered records forgotten');
    expect(notifier.recorder.delivered.map((event) => event.id)).toEqual(events.map((event) => event.id));
    expect(await ledger.seen('recorder', refused.id)).toMatchObject({ outcome: 'failed' });
  });

  it('parks an event the channel refuses for good, records it as failed, and goes on with the next', async () => {
    notifier.recorder.failWith = new PermanentDeliveryError('no topic for this');
    const refused = await log.register(randomUUID(), 'refused@example.com', 'R');
    const ledger = notifier.app.get(DeliveryLedger);
    await eventually(async () => (await ledger.seen('recorder', refused.id))?.outcome === 'failed');
    expect(await ledger.seen('recorder', refused.id)).toMatchObject({ outcome: 'failed', error: 'no topic for this', type: 'account.registered.v1' });

    notifier.recorder.failWith = undefined;
    const next = await log.register(randomUUID(), 'next@example.com', 'N');
    await eventually(() => notifier.recorder.delivered.some((event) => event.id === next.id));
    expect(notifier.recorder.delivered.map((event) => event.id)).toEqual([next.id]);
    expect(await countOf(notifier, { channel: 'recorder', outcome: 'failed' })).toBe(1);
    expect(await countOf(notifier, { channel: 'recorder', outcome: 'delivered' })).toBe(1);
  });
});
