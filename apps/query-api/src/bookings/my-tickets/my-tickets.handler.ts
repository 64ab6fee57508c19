import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { MyTicketsResponse, TicketView } from '@tessera/contracts';
import { ReadStore } from '@tessera/platform/read-store/read-store.port';
import { TicketCodes } from '@tessera/platform/security/ticket-codes';
import { collectionName, ticketsDescriptor, USER_TICKETS, type UserTicketsDoc } from '@tessera/read-models';
import { ticketsOwnedBy } from '../booking-view';
import { MyTicketsQuery } from './my-tickets.query';

/**
 * The user's document holds the ids of the tickets they own, read from `tickets`. Ordered by show,
 * then seat, so a user's tickets for one evening stay together.
 */
@QueryHandler(MyTicketsQuery)
export class MyTicketsHandler implements IQueryHandler<MyTicketsQuery, MyTicketsResponse> {
  constructor(
    private readonly reads: ReadStore,
    private readonly codes: TicketCodes,
  ) {}

  async execute({ userId }: MyTicketsQuery): Promise<MyTicketsResponse> {
    const list = await this.reads.collection<UserTicketsDoc>(collectionName(ticketsDescriptor, USER_TICKETS)).findOne({ _id: userId }, { readOnly: true });
    const owned = await ticketsOwnedBy(this.reads, userId, Object.keys(list?.ticketIds ?? {}));
    const items: TicketView[] = [...owned.values()]
      .sort((a, b) => a.showId.localeCompare(b.showId) || a.seatId.localeCompare(b.seatId))
      .map((ticket) => ({
        ticketId: ticket.ticketId,
        showId: ticket.showId,
        seatId: ticket.seatId,
        status: ticket.status,
        code: this.codes.sign({ ticketId: ticket.ticketId, version: ticket.version }),
      }));
    return { items };
  }
}
