import type { BookingEvent } from '@tessera/contracts';
import type { RecordedEvent } from '@tessera/platform/event-store/event-store.port';
import { BOOKINGS, bookingsDescriptor, USER_BOOKINGS, type BookingDoc } from '@tessera/read-models';
import type { DocumentBatch, Projection } from '../projection';

/** How the bookings read models (libs/read-models) evolve from booking events. */

const occurredAt = (event: RecordedEvent): string => event.metadata?.occurredAt ?? event.recordedAt;

export const evolveBooking = (
  doc: Omit<BookingDoc, '_position'> | null,
  event: BookingEvent,
  at: string,
): Omit<BookingDoc, '_position'> | null => {
  switch (event.type) {
    case 'booking.requested.v1': {
      // Pending until settled: nothing is held or priced yet. The settlement replaces it whole.
      const { bookingId, userId, showId, seatIds } = event.data;
      return doc ?? {
        _id: bookingId,
        bookingId,
        userId,
        showId,
        status: 'pending',
        seats: seatIds,
        expiresAt: null,
        amount: 0,
        currency: '',
        tickets: [],
        placedAt: at,
      };
    }
    case 'booking.placed.v1': {
      const { bookingId, userId, showId, seats, amount, currency, expiresAt } = event.data;
      return {
        _id: bookingId,
        bookingId,
        userId,
        showId,
        status: 'held',
        seats: seats.map((seat) => seat.seatId),
        expiresAt,
        amount,
        currency,
        tickets: [],
        placedAt: at,
      };
    }
    case 'booking.rejected.v1': {
      const { bookingId, userId, showId, seatIds, code, unavailableSeats } = event.data;
      return doc && doc.status !== 'pending' ? doc : {
        _id: bookingId,
        bookingId,
        userId,
        showId,
        status: 'rejected',
        seats: seatIds,
        expiresAt: null,
        amount: 0,
        currency: '',
        tickets: [],
        placedAt: at,
        rejection: { code, unavailableSeats },
      };
    }
    case 'booking.confirmed.v1':
      return doc && { ...doc, status: 'confirmed', tickets: event.data.tickets };
    case 'booking.expired.v1':
      return doc && { ...doc, status: 'expired' };
    case 'booking.cancelled.v1':
      return doc && { ...doc, status: 'cancelled' };
    case 'booking.refunded.v1':
      return doc && { ...doc, status: 'refunded' };
    case 'booking.payment-declined.v1':
    case 'booking.payment-started.v1':
      return doc;
    default: {
      const _exhaustive: never = event;
      return doc;
    }
  }
};

export const bookingsProjection: Projection = {
  ...bookingsDescriptor,

  async apply(event: RecordedEvent, docs: DocumentBatch): Promise<void> {
    const domainEvent = { type: event.type, data: event.data } as BookingEvent;
    // The document goes in with its `_position`, which DocumentBatch stamps over in what comes out.
    const booking = await docs.evolve<BookingDoc>(BOOKINGS, domainEvent.data.bookingId, event, (doc) =>
      evolveBooking(doc, domainEvent, occurredAt(event)),
    );
    if (!booking) return;
    // The user's list holds the booking's id; readers take the booking itself from BOOKINGS.
    // Field by field: one entry of a list that may hold thousands.
    await docs.patch(USER_BOOKINGS, booking.userId, event, [
      ['userId', booking.userId],
      [`bookingIds.${booking.bookingId}`, true],
    ]);
  },
};
