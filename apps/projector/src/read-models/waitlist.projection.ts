import type { WaitlistEvent } from '@tessera/contracts';
import type { RecordedEvent } from '@tessera/platform/event-store/event-store.port';
import { WAITLIST_ENTRIES, waitlistDescriptor, type WaitlistEntryDoc } from '@tessera/read-models';
import type { DocumentBatch, Projection } from '../projection';

/** How the waiting-list read model (libs/read-models) evolves from waitlist events. */

type Entry = Omit<WaitlistEntryDoc, '_position'>;

export const evolveWaitlistEntry = (doc: Entry | null, event: WaitlistEvent, occurredAt: string): Entry | null => {
  switch (event.type) {
    case 'waitlist.joined.v1': {
      const { entryId, showId, userId, categoryId, seats, number } = event.data;
      return { _id: entryId, entryId, showId, userId, categoryId, seats, number, status: 'waiting', joinedAt: occurredAt };
    }
    case 'waitlist.offered.v1':
      return doc && { ...doc, status: 'offered', bookingId: event.data.bookingId, expiresAt: event.data.expiresAt };
    case 'waitlist.fulfilled.v1':
      return doc && { ...doc, status: 'fulfilled' };
    case 'waitlist.offer-expired.v1':
      return doc && { ...doc, status: 'expired' };
    case 'waitlist.left.v1':
      return doc && { ...doc, status: 'left' };
    default: {
      const _exhaustive: never = event;
      return doc;
    }
  }
};

export const waitlistProjection: Projection = {
  ...waitlistDescriptor,

  async apply(event: RecordedEvent, docs: DocumentBatch): Promise<void> {
    const domainEvent = { type: event.type, data: event.data } as WaitlistEvent;
    await docs.evolve<WaitlistEntryDoc>(WAITLIST_ENTRIES, domainEvent.data.entryId, event, (doc) => evolveWaitlistEntry(doc, domainEvent, event.metadata.occurredAt));
  },
};
