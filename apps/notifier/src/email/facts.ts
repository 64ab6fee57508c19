import { Injectable } from '@nestjs/common';
import {
  accountStream,
  bookingStream,
  incidentStream,
  showStream,
  ticketStream,
  type AccountRegistered,
  type BookingPlaced,
  type IncidentReported,
  type ShowCreated,
  type TicketIssued,
  type TicketTransferred,
} from '@tessera/contracts';
import { EventStore } from '@tessera/platform/event-store/event-store.port';
import type { ShowSummary } from './templates';

/** Who receives an e-mail, from their `account.registered.v1`. */
export interface Recipient {
  userId: string;
  email: string;
  displayName: string;
}

export interface BookingFacts {
  userId: string;
  showId: string;
  seatIds: string[];
  amount: number;
  currency: string;
}

/**
 * Keeps the newest `size` entries: what a notifier looks up comes in bursts about the same shows and
 * people. Only what was found goes in (a booking not placed yet may be soon).
 */
class Recent<T> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly size: number) {}

  get(key: string): T | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: T): T {
    if (this.entries.size >= this.size) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, value);
    return value;
  }
}

/**
 * What an e-mail needs beyond its event, read from the log itself: the recipient's address and
 * name (their account stream), the show (its `show.created.v1`), the booking's user and seats,
 * a ticket's owner. Reading the streams rather than keeping a read model of its own means the
 * answer never depends on the order in which two group members handled the events (an account
 * and its first booking can go to different members); what never changes is cached.
 */
@Injectable()
export class NotificationFacts {
  private readonly recipients = new Recent<Recipient>(10_000);
  private readonly shows = new Recent<ShowSummary>(1_000);
  private readonly bookings = new Recent<BookingFacts>(10_000);
  private readonly incidents = new Recent<{ title: string }>(10_000);

  constructor(private readonly events: EventStore) {}

  async recipient(userId: string): Promise<Recipient | null> {
    const known = this.recipients.get(userId);
    if (known !== undefined) return known;
    const [first] = await this.events.readStream(accountStream(userId), { maxCount: 1 });
    if (first?.type !== 'account.registered.v1') return null; // not (yet) an account: nobody to write to
    const { email, displayName } = first.data as AccountRegistered['data'];
    return this.recipients.set(userId, { userId, email, displayName });
  }

  async show(showId: string): Promise<ShowSummary | null> {
    const known = this.shows.get(showId);
    if (known !== undefined) return known;
    const [first] = await this.events.readStream(showStream(showId), { maxCount: 1 });
    if (first?.type !== 'show.created.v1') return null;
    const { name, venue, startsAt } = first.data as ShowCreated['data'];
    return this.shows.set(showId, { name, venue, startsAt });
  }

  /** The placement of a booking: its user and seats (a booking's first event is its request or its placement). */
  async booking(bookingId: string): Promise<BookingFacts | null> {
    const known = this.bookings.get(bookingId);
    if (known !== undefined) return known;
    const events = await this.events.readStream(bookingStream(bookingId), { maxCount: 2 });
    const placed = events.find((event) => event.type === 'booking.placed.v1');
    if (!placed) return null;
    const { userId, showId, seats, amount, currency } = placed.data as BookingPlaced['data'];
    return this.bookings.set(bookingId, { userId, showId, seatIds: seats.map((seat) => seat.seatId), amount, currency });
  }

  /** An incident as its report names it (its title never changes). */
  async incident(incidentId: string): Promise<{ title: string } | null> {
    const known = this.incidents.get(incidentId);
    if (known !== undefined) return known;
    const [first] = await this.events.readStream(incidentStream(incidentId), { maxCount: 1 });
    if (first?.type !== 'incident.reported.v1') return null;
    return this.incidents.set(incidentId, { title: (first.data as IncidentReported['data']).title });
  }

  /** The ticket's seat, show, booking and its owner now. */
  async ticket(ticketId: string): Promise<{ seatId: string; showId: string; bookingId: string; ownerId: string } | null> {
    const events = await this.events.readStream(ticketStream(ticketId));
    const issued = events.find((event) => event.type === 'ticket.issued.v1');
    if (!issued) return null;
    const { seatId, showId, bookingId, ownerId } = issued.data as TicketIssued['data'];
    let owner = ownerId;
    for (const event of events) if (event.type === 'ticket.transferred.v1') owner = (event.data as TicketTransferred['data']).toOwnerId;
    return { seatId, showId, bookingId, ownerId: owner };
  }
}
