import type { AccountRegistered, AccountRolesChanged, BookingPlaced, TicketIssued, TicketTransferred, TicketVoided } from '@tessera/contracts';
import type { RecordedEvent } from '@tessera/platform/event-store/event-store.port';
import { TICKET_HOLDERS, USERS, usersDescriptor, type TicketHolderDoc, type UserDoc } from '@tessera/read-models';
import type { DocumentBatch, Projection } from '../projection';

/**
 * How the users read model (libs/read-models) evolves: the account events make and change the
 * document; a placed booking and the ticket events move the user's counters. A counter changes
 * through `DocumentBatch.evolve`, whose `_position` guard applies each event to a user once, so
 * an event delivered again (a crash before the checkpoint moved) does not count twice.
 */

export type UserEvent = AccountRegistered | AccountRolesChanged | BookingPlaced | TicketIssued | TicketTransferred | TicketVoided;

type User = Omit<UserDoc, '_position'>;

/** Lower case as normaliseEmail makes it, so a search for "ADA" finds "Ada". */
export const lowerForSearch = (text: string): string => text.normalize('NFC').toLowerCase();

/** The account events: `position` is the registration's log position, the account's place in the newest-first lists. */
export const evolveUserAccount = (doc: User | null, event: AccountRegistered | AccountRolesChanged, position: number, at: string): User | null => {
  if (event.type === 'account.registered.v1') {
    const { userId, email, displayName, roles } = event.data;
    // Never the password hash.
    return {
      _id: userId,
      userId,
      email,
      displayName,
      displayNameLower: lowerForSearch(displayName),
      roles,
      createdAt: at,
      registeredPosition: position,
      bookingsCount: doc?.bookingsCount ?? 0,
      ticketsCount: doc?.ticketsCount ?? 0,
    };
  }
  return doc && { ...doc, roles: event.data.roles };
};

/** A counter moved by `by`, never below zero; an account the log never registered has no document. */
export const counted = (doc: User | null, counter: 'bookingsCount' | 'ticketsCount', by: number): User | null =>
  doc && { ...doc, [counter]: Math.max(0, doc[counter] + by) };

const occurredAt = (event: RecordedEvent): string => event.metadata?.occurredAt ?? event.recordedAt;

export const usersProjection: Projection = {
  ...usersDescriptor,

  async apply(event: RecordedEvent, docs: DocumentBatch): Promise<void> {
    const domainEvent = { type: event.type, data: event.data } as UserEvent;
    const count = async (userId: string, counter: 'bookingsCount' | 'ticketsCount', by: number): Promise<void> => {
      await docs.evolve<UserDoc>(USERS, userId, event, (doc) => counted(doc, counter, by));
    };
    switch (domainEvent.type) {
      case 'account.registered.v1':
      case 'account.roles-changed.v1': {
        // A role change names no user: its stream does (`account-{userId}`).
        const userId = domainEvent.type === 'account.registered.v1' ? domainEvent.data.userId : event.stream.slice('account-'.length);
        await docs.evolve<UserDoc>(USERS, userId, event, (doc) =>
          evolveUserAccount(doc, domainEvent, event.position, occurredAt(event)),
        );
        return;
      }
      case 'booking.placed.v1':
        await count(domainEvent.data.userId, 'bookingsCount', 1);
        return;
      case 'ticket.issued.v1': {
        const { ticketId, ownerId } = domainEvent.data;
        await docs.evolve<TicketHolderDoc>(TICKET_HOLDERS, ticketId, event, () => ({ _id: ticketId, ownerId, held: true }));
        await count(ownerId, 'ticketsCount', 1);
        return;
      }
      case 'ticket.transferred.v1': {
        const { ticketId, fromOwnerId, toOwnerId } = domainEvent.data;
        await docs.evolve<TicketHolderDoc>(TICKET_HOLDERS, ticketId, event, (holder) => holder && { ...holder, ownerId: toOwnerId });
        if (fromOwnerId === toOwnerId) return;
        await count(fromOwnerId, 'ticketsCount', -1);
        await count(toOwnerId, 'ticketsCount', 1);
        return;
      }
      case 'ticket.voided.v1': {
        // The void names no owner: the holder document does. Read whatever its `_position` (a
        // replay after a crash finds it already voided, with the same owner); the user's own
        // guard decides whether this event has been counted.
        const holder = await docs.get<TicketHolderDoc>(TICKET_HOLDERS, domainEvent.data.ticketId);
        if (!holder) return;
        const wasHeld = holder.held || holder._position >= event.position;
        await docs.evolve<TicketHolderDoc>(TICKET_HOLDERS, holder._id, event, (doc) => doc && { ...doc, held: false });
        if (wasHeld) await count(holder.ownerId, 'ticketsCount', -1);
        return;
      }
      default: {
        const _exhaustive: never = domainEvent;
        return;
      }
    }
  },
};
