import { KurrentDBClient, persistentSubscriptionToAllSettingsFromDefaults, START, streamNameFilter } from '@kurrent/kurrentdb-client';
import { randomUUID } from 'node:crypto';
import { describeIfConfigured } from '../testing/services';
import { collect, describeEventStoreContract } from './event-store.contract';
import { createKurrentDbEventStore } from './kurrentdb';

// Runs the shared contract against a real KurrentDB (≥ 25.1, for multiStreamAppend), e.g.
// EVENTSTORE_URL='kurrentdb://admin:changeit@localhost:2113?tls=false'. Reading parked events
// needs a user allowed to read system streams. Every test uses fresh stream, type and group names.
describeIfConfigured('EVENTSTORE_URL', 'EventStore contract: KurrentDB', (url) => {
  describeEventStoreContract('KurrentDB adapter', async () => {
    const store = createKurrentDbEventStore(url);
    return { store, teardown: () => store.close() };
  });

  it('makes again, with the filter of the code, a group made before its filter was recorded', async () => {
    const client = KurrentDBClient.connectionString(url);
    const store = createKurrentDbEventStore(url);
    try {
      const group = `contract-${randomUUID()}`;
      const [old, wanted] = [`contract${randomUUID().slice(0, 8)}-`, `contract${randomUUID().slice(0, 8)}-`];
      // As an older Tessera made it: the filter of that time, nothing recorded.
      await client.createPersistentSubscriptionToAll(group, persistentSubscriptionToAllSettingsFromDefaults({ startFrom: START }), { filter: streamNameFilter({ prefixes: [old] }) });

      const ensured = await store.ensureConsumerGroup(group, { filter: { streamPrefixes: [wanted] }, from: 'start' });
      expect(ensured.outcome).toBe('recreated');
      expect(ensured.changes[0]).toBe('filter');
      expect(await store.ensureConsumerGroup(group, { filter: { streamPrefixes: [wanted] }, from: 'start' })).toEqual({ outcome: 'unchanged', changes: [] });

      const member = store.subscribeToGroup(group);
      const seen = collect(member, (message) => void message.ack());
      await store.append(`${old}s`, [anEvent('contract.old-filter.v1')]);
      await store.append(`${wanted}s`, [anEvent('contract.new-filter.v1')]);
      await seen.waitFor(1);
      await new Promise((resolve) => setTimeout(resolve, 300)); // time for a wrong delivery to show
      await member.close();
      expect(seen.items.map((message) => message.event.type)).toEqual(['contract.new-filter.v1']);
    } finally {
      await store.close();
      await client.dispose();
    }
  });
});

const anEvent = (type: string) => ({
  id: randomUUID(),
  type,
  data: {},
  metadata: { actorId: 'a', correlationId: 'c', causationId: 'c', occurredAt: new Date().toISOString(), schemaVersion: 1 },
});
