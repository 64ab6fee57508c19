import type { BookedSeat, BookingEvent, ShowCreated } from '@tessera/contracts';
import { BOOKING_EVENT_TYPES } from '@tessera/contracts';
import type { RecordedEvent } from '@tessera/platform/event-store/event-store.port';
import type { DocumentBatch, Projection, ReadModelDocument } from '../projection';

/**
 * Sales analytics per show (GET /api/analytics/shows/{id}/sales): seats sold and revenue by
 * category and by hour of sale, net of refunds; holds placed, expired and cancelled; declined
 * payments. `sales_bookings` remembers each booking's seats and prices (frozen at placement)
 * and the hour it was paid, which the later confirmation and refund events do not carry.
 */

export const SHOW_SALES = 'show_sales';
export const SALES_BOOKINGS = 'sales_bookings';

export type SalesCounter = {
  sold: number;
  /** Minor units of the show's currency. */
  revenue: number;
}

export type ShowSalesDoc = ReadModelDocument & {
  showId: string;
  currency: string;
  /** Category id → seats sold and revenue, net of refunds. */
  byCategory: Record<string, SalesCounter>;
  /** Hour of the payment (ISO, `2027-05-01T19:00:00.000Z`) → seats sold and revenue, net of refunds. */
  byHour: Record<string, SalesCounter>;
  holdsPlaced: number;
  holdsExpired: number;
  holdsCancelled: number;
  bookingsConfirmed: number;
  bookingsRefunded: number;
  refundedAmount: number;
  paymentsDeclined: number;
}

export type SalesBookingDoc = ReadModelDocument & {
  showId: string;
  seats: BookedSeat[];
  /** Set when the booking was paid. */
  confirmedHour?: string;
}

export const hourOf = (iso: string): string => `${iso.slice(0, 13)}:00:00.000Z`;

export const emptySales = (showId: string, currency: string, categoryIds: string[]): Omit<ShowSalesDoc, '_position'> => ({
  _id: showId,
  showId,
  currency,
  byCategory: Object.fromEntries(categoryIds.map((id) => [id, { sold: 0, revenue: 0 }])),
  byHour: {},
  holdsPlaced: 0,
  holdsExpired: 0,
  holdsCancelled: 0,
  bookingsConfirmed: 0,
  bookingsRefunded: 0,
  refundedAmount: 0,
  paymentsDeclined: 0,
});

const add = (counters: Record<string, SalesCounter>, key: string, sold: number, revenue: number): Record<string, SalesCounter> => {
  const current = counters[key] ?? { sold: 0, revenue: 0 };
  return { ...counters, [key]: { sold: current.sold + sold, revenue: current.revenue + revenue } };
};

/** Adds (sign 1) or takes back (sign -1) the sale of `seats` paid in `hour`. */
export const withSale = (
  sales: Omit<ShowSalesDoc, '_position'>,
  seats: readonly BookedSeat[],
  hour: string,
  sign: 1 | -1,
): Omit<ShowSalesDoc, '_position'> => {
  let byCategory = sales.byCategory;
  for (const seat of seats) byCategory = add(byCategory, seat.categoryId, sign, sign * seat.price);
  const amount = seats.reduce((sum, seat) => sum + seat.price, 0);
  return { ...sales, byCategory, byHour: add(sales.byHour, hour, sign * seats.length, sign * amount) };
};

export const evolveSales = (
  sales: Omit<ShowSalesDoc, '_position'>,
  event: BookingEvent,
  booking: Pick<SalesBookingDoc, 'seats' | 'confirmedHour'> | null,
): Omit<ShowSalesDoc, '_position'> => {
  switch (event.type) {
    case 'booking.placed.v1':
      return { ...sales, holdsPlaced: sales.holdsPlaced + 1 };
    case 'booking.confirmed.v1': {
      const confirmed = { ...sales, bookingsConfirmed: sales.bookingsConfirmed + 1 };
      return booking?.confirmedHour ? withSale(confirmed, booking.seats, booking.confirmedHour, 1) : confirmed;
    }
    case 'booking.expired.v1':
      return { ...sales, holdsExpired: sales.holdsExpired + 1 };
    case 'booking.cancelled.v1':
      return { ...sales, holdsCancelled: sales.holdsCancelled + 1 };
    case 'booking.refunded.v1': {
      const refunded = {
        ...sales,
        bookingsRefunded: sales.bookingsRefunded + 1,
        refundedAmount: sales.refundedAmount + event.data.amount,
      };
      // A `hold_lost` refund gives back money that never became a sale: no seats to take back.
      const seats = (booking?.seats ?? []).filter((seat) => event.data.seatIds.includes(seat.seatId));
      return booking?.confirmedHour && seats.length > 0 ? withSale(refunded, seats, booking.confirmedHour, -1) : refunded;
    }
    case 'booking.payment-declined.v1':
      return { ...sales, paymentsDeclined: sales.paymentsDeclined + 1 };
    // A request holds nothing: it counts once it is placed (a hold), and a rejection never does.
    // A payment attempt counts by its outcome (confirmed or declined), not by its start.
    case 'booking.requested.v1':
    case 'booking.rejected.v1':
    case 'booking.payment-started.v1':
      return sales;
    default: {
      const _exhaustive: never = event;
      return sales;
    }
  }
};

/** Confirmed bookings over placed holds, 0 when nothing was held; 4 decimals. */
export const conversionOf = (sales: Pick<ShowSalesDoc, 'bookingsConfirmed' | 'holdsPlaced'>): number =>
  sales.holdsPlaced === 0 ? 0 : Math.round((sales.bookingsConfirmed / sales.holdsPlaced) * 10_000) / 10_000;

const occurredAt = (event: RecordedEvent): string => event.metadata?.occurredAt ?? event.recordedAt;

export const salesProjection: Projection = {
  name: 'sales',
  version: 1,
  collections: [SHOW_SALES, SALES_BOOKINGS],
  // Requests and payment starts are left out: they change no figure, and would only rewrite the show's document.
  eventTypes: ['show.created.v1', ...BOOKING_EVENT_TYPES.filter((type) => type !== 'booking.requested.v1' && type !== 'booking.payment-started.v1')],

  async apply(event: RecordedEvent, docs: DocumentBatch): Promise<void> {
    if (event.type === 'show.created.v1') {
      const created = event.data as ShowCreated['data'];
      await docs.evolve<ShowSalesDoc>(SHOW_SALES, created.showId, event, (doc) =>
        doc ?? emptySales(created.showId, created.currency, created.categories.map((category) => category.id)),
      );
      return;
    }
    const domainEvent = { type: event.type, data: event.data } as BookingEvent;
    const { bookingId, showId } = domainEvent.data;
    let booking: SalesBookingDoc | null;
    if (domainEvent.type === 'booking.placed.v1') {
      const { seats } = domainEvent.data;
      booking = await docs.evolve<SalesBookingDoc>(SALES_BOOKINGS, bookingId, event, (doc) => doc ?? { _id: bookingId, showId, seats });
    } else if (domainEvent.type === 'booking.confirmed.v1') {
      const hour = hourOf(occurredAt(event));
      booking = await docs.evolve<SalesBookingDoc>(SALES_BOOKINGS, bookingId, event, (doc) =>
        doc ? { ...doc, confirmedHour: doc.confirmedHour ?? hour } : null,
      );
    } else {
      booking = await docs.get<SalesBookingDoc>(SALES_BOOKINGS, bookingId);
    }
    await docs.evolve<ShowSalesDoc>(SHOW_SALES, showId, event, (doc) =>
      evolveSales(doc ?? emptySales(showId, domainEvent.type === 'booking.placed.v1' ? domainEvent.data.currency : '', []), domainEvent, booking),
    );
  },
};
