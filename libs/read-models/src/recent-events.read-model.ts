import { LIVE_FEED_EVENT_TYPES, type LiveEvent } from '@tessera/contracts';
import type { RecordedEvent } from '@tessera/platform/event-store/event-store.port';
import type { ProjectionDescriptor, ReadModelDocument } from './read-model';

/**
 * The last events of the live feed (GET /api/notifications/events, the dorm-issue seed's
 * `/events`): a ring of RECENT_EVENTS_CAPACITY slots, each holding one event. Slot
 * `n mod capacity` holds the n-th event of the feed, so the collection never grows past the
 * capacity and a rebuild from position 0 writes the same documents. The route answers the
 * newest EVENT_BUFFER_SIZE of them (at most the capacity).
 *
 * A projection rather than reading the log backwards: the port reads the log forwards only, and
 * KurrentDB's positions are not dense, so "the last N" has no cheap forward read; the ring costs
 * one small document write per event, batched with the projector's other writes.
 */

export const RECENT_EVENTS = 'recent_events';
/**
 * The ring's head: one document counting the events taken in. A collection of its own, written
 * after the slots (DocumentBatch writes collections in the order a batch first touched them): a
 * crash part-way through leaves slots written ahead of the head, which the redelivery writes
 * again, the same, and never a head ahead of its slots.
 */
export const RECENT_EVENTS_HEAD = 'recent_events_head';
export const RECENT_EVENTS_HEAD_ID = 'head';
/** The highest EVENT_BUFFER_SIZE allows. */
export const RECENT_EVENTS_CAPACITY = 10_000;

export const recentEventSlotId = (sequence: number): string => `slot-${sequence % RECENT_EVENTS_CAPACITY}`;

export type RecentEventsHeadDoc = ReadModelDocument & { count: number };

export type RecentEventDoc = ReadModelDocument & { event: LiveEvent };

export const recentEventsDescriptor: ProjectionDescriptor = {
  name: 'recent_events',
  // 2: incidents and device status joined the live feed; a rebuild takes them in from the start.
  version: 2,
  collections: [RECENT_EVENTS, RECENT_EVENTS_HEAD],
  eventTypes: LIVE_FEED_EVENT_TYPES,
};

/** A recorded event as the live feeds show it (in full: staff and admin's view). */
export const liveEventOf = (event: RecordedEvent): LiveEvent => ({
  id: event.id,
  position: event.position,
  type: event.type,
  stream: event.stream,
  occurredAt: event.metadata.occurredAt,
  data: event.data,
});
