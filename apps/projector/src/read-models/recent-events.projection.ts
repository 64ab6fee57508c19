import type { RecordedEvent } from '@tessera/platform/event-store/event-store.port';
import {
  liveEventOf,
  RECENT_EVENTS,
  RECENT_EVENTS_HEAD,
  RECENT_EVENTS_HEAD_ID,
  recentEventsDescriptor,
  recentEventSlotId,
  type RecentEventDoc,
  type RecentEventsHeadDoc,
} from '@tessera/read-models';
import type { DocumentBatch, Projection } from '../projection';

/**
 * The ring of the last events (libs/read-models/src/recent-events.read-model.ts). The slot is
 * put before the head, so that the batch writes the slots first: see RECENT_EVENTS_HEAD.
 */
export const recentEventsProjection: Projection = {
  ...recentEventsDescriptor,

  async apply(event: RecordedEvent, docs: DocumentBatch): Promise<void> {
    const head = await docs.get<RecentEventsHeadDoc>(RECENT_EVENTS_HEAD, RECENT_EVENTS_HEAD_ID);
    // Counted already (a redelivery): its slot holds it, or a newer event.
    if (head && head._position >= event.position) return;
    const count = head?.count ?? 0;
    const slot: RecentEventDoc = { _id: recentEventSlotId(count), _position: event.position, event: liveEventOf(event) };
    docs.put(RECENT_EVENTS, slot);
    const next: RecentEventsHeadDoc = { _id: RECENT_EVENTS_HEAD_ID, _position: event.position, count: count + 1 };
    docs.put(RECENT_EVENTS_HEAD, next);
  },
};
