import type { TicketEvent } from '@tessera/contracts';
import type { RecordedEvent } from '@tessera/platform/event-store/event-store.port';
import { TICKETS, ticketsDescriptor, USER_TICKETS, type TicketDoc } from '@tessera/read-models';
import type { DocumentBatch, Projection } from '../projection';

/** How the tickets read models (libs/read-models) evolve from ticket events. */

export const evolveTicket = (doc: Omit<TicketDoc, '_position'> | null, event: TicketEvent): Omit<TicketDoc, '_position'> | null => {
  switch (event.type) {
    case 'ticket.issued.v1': {
      const { ticketId, bookingId, showId, seatId, ownerId, version } = event.data;
      return { _id: ticketId, ticketId, bookingId, showId, seatId, ownerId, version, status: 'valid' };
    }
    case 'ticket.transferred.v1':
      return doc && { ...doc, ownerId: event.data.toOwnerId, version: event.data.version };
    case 'ticket.checked-in.v1':
      return doc && { ...doc, status: 'checked_in', checkedInAt: event.data.checkedInAt };
    case 'ticket.voided.v1':
      return doc && { ...doc, status: 'void' };
    default: {
      const _exhaustive: never = event;
      return doc;
    }
  }
};

const usersNamedBy = (event: TicketEvent, ticket: TicketDoc): string[] => {
  switch (event.type) {
    case 'ticket.issued.v1':
      return [event.data.ownerId];
    case 'ticket.transferred.v1':
      return [event.data.fromOwnerId, event.data.toOwnerId];
    default:
      return [ticket.ownerId];
  }
};

export const ticketsProjection: Projection = {
  ...ticketsDescriptor,

  async apply(event: RecordedEvent, docs: DocumentBatch): Promise<void> {
    const domainEvent = { type: event.type, data: event.data } as TicketEvent;
    // The document goes in with its `_position`, which DocumentBatch stamps over in what comes out.
    const ticket = await docs.evolve<TicketDoc>(TICKETS, domainEvent.data.ticketId, event, (doc) => evolveTicket(doc, domainEvent));
    if (!ticket) return;
    const { ownerId } = ticket;
    // Each user the event names holds the ticket exactly when the ticket document says they own
    // it: replaying a transfer after a crash cannot leave a ticket with two owners.
    for (const userId of new Set(usersNamedBy(domainEvent, ticket))) {
      // Field by field: one entry of a list that may hold thousands.
      await docs.patch(USER_TICKETS, userId, event, [
        ['userId', userId],
        [`ticketIds.${ticket.ticketId}`, ownerId === userId ? true : undefined],
      ]);
    }
  },
};
