import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { MyTicketsResponse, TicketView } from '@tessera/contracts';
import { ReadStore } from '@tessera/platform/read-store/read-store.port';
import { TicketCodes } from '@tessera/platform/security/ticket-codes';
import { ticketsOwnedBy } from '../booking-view';
import { MyTicketsQuery } from './my-tickets.query';

/** Ordered by show, then seat, so a user's tickets for one evening stay together. */
@QueryHandler(MyTicketsQuery)
export class MyTicketsHandler implements IQueryHandler<MyTicketsQuery, MyTicketsResponse> {
  constructor(
    private readonly reads: ReadStore,
    private readonly codes: TicketCodes,
  ) {}

  async execute({ userId }: MyTicketsQuery): Promise<MyTicketsResponse> {
    const owned = await ticketsOwnedBy(this.reads, userId);
    const items: TicketView[] = Object.values(owned)
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
