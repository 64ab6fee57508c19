import { Injectable } from '@nestjs/common';
import type { RecordedEvent } from '@tessera/platform/event-store/event-store.port';
import { ReadStore, type ReadCollection } from '@tessera/platform/read-store/read-store.port';

/** `delivered`: the channel took the event. `failed`: it refused it for good (parked, not tried again). */
export type DeliveryOutcome = 'delivered' | 'failed';

export interface DeliveryRecord {
  /** `{channel}:{eventId}`. */
  _id: string;
  channel: string;
  eventId: string;
  type: string;
  stream: string;
  position: number;
  outcome: DeliveryOutcome;
  at: string;
  error?: string;
  [key: string]: unknown;
}

export const DELIVERIES_COLLECTION = 'notifier-deliveries';

/**
 * What each channel did with each event, by event id, in the read store (so notifier instances
 * share it). The consumer looks here before it hands an event to a channel: an event the log
 * hands over again (a crash before the ack, a group member taking over a stream) is not
 * delivered twice.
 *
 * The window left: a crash after the channel delivered and before this record is written sends
 * the event again once. Delivery is at least once and, in practice, once; channels whose
 * receivers can drop duplicates say so (MQTT payloads carry the event id, e-mails a Message-ID
 * made from it).
 */
@Injectable()
export class DeliveryLedger {
  private readonly records: ReadCollection<DeliveryRecord>;
  private indexed?: Promise<void>;

  constructor(reads: ReadStore) {
    this.records = reads.collection<DeliveryRecord>(DELIVERIES_COLLECTION);
  }

  async seen(channel: string, eventId: string): Promise<DeliveryRecord | null> {
    return this.records.findOne({ _id: keyOf(channel, eventId) }, { readOnly: true });
  }

  async record(channel: string, event: RecordedEvent, outcome: DeliveryOutcome, at: Date, error?: string): Promise<void> {
    const record: DeliveryRecord = {
      _id: keyOf(channel, event.id),
      channel,
      eventId: event.id,
      type: event.type,
      stream: event.stream,
      position: event.position,
      outcome,
      at: at.toISOString(),
      ...(error === undefined ? {} : { error }),
    };
    await this.records.replaceOne({ _id: record._id }, record, { upsert: true });
  }

  /**
   * Forgets deliveries recorded before `before` (failures are kept for operators). A redelivery
   * comes within minutes (an unacknowledged message's timeout, a retried batch, an outage's
   * restarts), so a day of records answers for it while the collection stays bounded by a day
   * of events rather than by the whole log. Returns how many went.
   */
  async prune(before: Date): Promise<number> {
    await (this.indexed ??= this.records.createIndex({ outcome: 1, at: 1 }, { name: 'by-outcome-and-time' }));
    return this.records.deleteMany({ outcome: 'delivered', at: { $lt: before.toISOString() } });
  }

  /** Forgets the channel's deliveries of these events (a channel reading alone, once its checkpoint is past them). */
  async forget(channel: string, eventIds: readonly string[]): Promise<number> {
    if (eventIds.length === 0) return 0;
    return this.records.deleteMany({ _id: { $in: eventIds.map((eventId) => keyOf(channel, eventId)) }, outcome: 'delivered' });
  }

  count(channel: string, outcome: DeliveryOutcome): Promise<number> {
    return this.records.countDocuments({ channel, outcome });
  }
}

const keyOf = (channel: string, eventId: string): string => `${channel}:${eventId}`;
