import type { RecordedEvent } from '@tessera/platform/event-store/event-store.port';
import {
  liveEventOf,
  RECENT_EVENTS,
  RECENT_EVENTS_HEAD,
  recentEventsDescriptor,
  recentEventSlotId,
  type RecentEventDoc,
  type RecentEventsHeadDoc,
} from '@tessera/read-models';
import type { DocumentBatch, Projection } from '../projection';

/** The ring of the last events (libs/read-models/src/recent-events.read-model.ts). */
export const recentEventsProjection: Projection = {
  ...recentEventsDescriptor,

  async apply(event: RecordedEvent, docs: DocumentBatch): Promise<void> {
    const head = await docs.evolve<RecentEventsHeadDoc>(RECENT_EVENTS, RECENT_EVENTS_HEAD, event, (doc) => ({
      _id: RECENT_EVENTS_HEAD,
      count: (doc?.count ?? 0) + 1,
    }));
    // The head had seen this event already (a redelivery): its slot holds it, or a newer one.
    if (!head || head._position !== event.position) return;
    const slot: RecentEventDoc = { _id: recentEventSlotId(head.count - 1), _position: event.position, event: liveEventOf(event) };
    docs.put(RECENT_EVENTS, slot);
  },
};
