import type { AdminUserSummary, AdminUserView } from '@tessera/contracts';
import type { ReadCollection, ReadStore } from '@tessera/platform/read-store/read-store.port';
import { collectionName, USERS, usersDescriptor, type UserDoc } from '@tessera/read-models';

/** The users read model as the query side reads it, and its documents as the admin API shows them. */

export const usersIn = (reads: ReadStore): ReadCollection<UserDoc> => reads.collection<UserDoc>(collectionName(usersDescriptor, USERS));

/** Newest accounts first: the log order of the registrations. */
export const NEWEST_FIRST = { registeredPosition: -1 } as const;

export const adminUserSummaryOf = (doc: UserDoc): AdminUserSummary => ({
  userId: doc.userId,
  email: doc.email,
  displayName: doc.displayName,
  roles: doc.roles,
  createdAt: doc.createdAt,
});

export const adminUserViewOf = (doc: UserDoc): AdminUserView => ({ ...adminUserSummaryOf(doc), bookingsCount: doc.bookingsCount, ticketsCount: doc.ticketsCount });
