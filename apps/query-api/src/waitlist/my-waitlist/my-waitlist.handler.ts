import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { MyWaitlistResponse, WaitlistEntryView } from '@tessera/contracts';
import { ReadStore } from '@tessera/platform/read-store/read-store.port';
import { collectionName, WAITLIST_ENTRIES, waitlistDescriptor, type WaitlistEntryDoc } from '@tessera/read-models';
import { MyWaitlistQuery } from './my-waitlist.query';

/** The user's entries by the `userId` index; a waiting entry's place is a count over `(showId, status, number)`. */
@QueryHandler(MyWaitlistQuery)
export class MyWaitlistHandler implements IQueryHandler<MyWaitlistQuery, MyWaitlistResponse> {
  constructor(private readonly reads: ReadStore) {}

  async execute({ userId }: MyWaitlistQuery): Promise<MyWaitlistResponse> {
    const entries = this.reads.collection<WaitlistEntryDoc>(collectionName(waitlistDescriptor, WAITLIST_ENTRIES));
    const mine = await entries.find({ userId }, { sort: { joinedAt: -1, number: -1 }, readOnly: true });
    const items = await Promise.all(
      mine.map(async (entry): Promise<WaitlistEntryView> => ({
        entryId: entry.entryId,
        showId: entry.showId,
        categoryId: entry.categoryId,
        seats: entry.seats,
        position: entry.status === 'waiting' ? await entries.countDocuments({ showId: entry.showId, status: 'waiting', number: { $lte: entry.number } }) : null,
        status: entry.status,
        ...(entry.bookingId === undefined ? {} : { bookingId: entry.bookingId }),
        ...(entry.status === 'offered' && entry.expiresAt !== undefined ? { expiresAt: entry.expiresAt } : {}),
        joinedAt: entry.joinedAt,
      })),
    );
    return { items };
  }
}
