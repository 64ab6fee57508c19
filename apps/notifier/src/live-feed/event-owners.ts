import { bookingStream, ticketStream, type TicketEvent } from '@tessera/contracts';
import type { EventStore, RecordedEvent } from '@tessera/platform/event-store/event-store.port';
import type { Owners } from './fan-view';

/**
 * Who owns a booking or a ticket, answered from the log (not from a read model, which may lag
 * behind the event being sent). A booking's owner is named by its first event and never changes;
 * a ticket's owner is kept per revision of its stream (transfers move it). Both are cached and
 * learnt from the live events as they pass, so the live path reads the log only for a booking or
 * ticket older than the process. Bounded: the oldest entries go first.
 */
const CAPACITY = 100_000;

const remember = <V>(map: Map<string, V>, key: string, value: V): void => {
  if (map.size >= CAPACITY && !map.has(key)) map.delete(map.keys().next().value as string);
  map.set(key, value);
};

const ownerAfter = (owner: string | undefined, event: RecordedEvent): string | undefined => {
  const ticket = event as unknown as TicketEvent;
  if (ticket.type === 'ticket.issued.v1') return ticket.data.ownerId;
  if (ticket.type === 'ticket.transferred.v1') return ticket.data.toOwnerId;
  return owner;
};

export class EventOwners implements Owners {
  private readonly bookings = new Map<string, string>();
  /** Ticket id → its owner after each revision of its stream (index = revision). */
  private readonly tickets = new Map<string, readonly (string | undefined)[]>();

  constructor(private readonly events: EventStore) {}

  /** Takes in what a live event says about ownership, without reading the log. */
  learn(event: RecordedEvent): void {
    if (event.stream.startsWith('booking-')) {
      const userId = (event.data as { userId?: unknown }).userId;
      const bookingId = (event.data as { bookingId?: unknown }).bookingId;
      if (typeof userId === 'string' && typeof bookingId === 'string') remember(this.bookings, bookingId, userId);
    } else if (event.stream.startsWith('ticket-')) {
      const ticketId = (event.data as { ticketId?: unknown }).ticketId;
      if (typeof ticketId !== 'string') return;
      const known = this.tickets.get(ticketId) ?? (event.revision === 0 ? [] : undefined);
      // Only the next revision extends what is known; anything else is read from the log when asked.
      if (known && known.length === event.revision) remember(this.tickets, ticketId, [...known, ownerAfter(known.at(-1), event)]);
    }
  }

  async bookingOwner(bookingId: string): Promise<string | undefined> {
    const known = this.bookings.get(bookingId);
    if (known !== undefined) return known;
    const [first] = await this.events.readStream(bookingStream(bookingId), { maxCount: 1 });
    const userId = (first?.data as { userId?: unknown } | undefined)?.userId;
    if (typeof userId !== 'string') return undefined;
    remember(this.bookings, bookingId, userId);
    return userId;
  }

  async ticketOwnerAt(ticketId: string, revision: number): Promise<string | undefined> {
    let owners = this.tickets.get(ticketId) ?? [];
    if (owners.length <= revision) {
      const more = await this.events.readStream(ticketStream(ticketId), { fromRevision: owners.length });
      const grown = [...owners];
      for (const event of more) if (event.revision === grown.length) grown.push(ownerAfter(grown.at(-1), event));
      owners = grown;
      remember(this.tickets, ticketId, owners);
    }
    return owners[revision];
  }
}
