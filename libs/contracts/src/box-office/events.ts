import type { BookingEvent } from './booking.events';
import { BOOKING_EVENT_TYPES } from './booking.events';
import type { SeatEvent } from './seat.events';
import { SEAT_EVENT_TYPES } from './seat.events';
import type { ShowEvent } from './show.events';
import { SHOW_EVENT_TYPES } from './show.events';
import type { TicketEvent } from './ticket.events';
import { TICKET_EVENT_TYPES } from './ticket.events';

/** Every event the box office writes, for subscription filters and the generated event docs. */
export type BoxOfficeEvent = ShowEvent | SeatEvent | BookingEvent | TicketEvent;
export type BoxOfficeEventType = BoxOfficeEvent['type'];

export const ALL_BOX_OFFICE_EVENT_TYPES: readonly BoxOfficeEventType[] = [
  ...SHOW_EVENT_TYPES,
  ...SEAT_EVENT_TYPES,
  ...BOOKING_EVENT_TYPES,
  ...TICKET_EVENT_TYPES,
];

// A type added to a union but forgotten in its list fails to compile here.
type Missing<TUnion, TListed> = Exclude<TUnion, TListed>;
const listsAreComplete: [
  Missing<ShowEvent['type'], (typeof SHOW_EVENT_TYPES)[number]>,
  Missing<SeatEvent['type'], (typeof SEAT_EVENT_TYPES)[number]>,
  Missing<BookingEvent['type'], (typeof BOOKING_EVENT_TYPES)[number]>,
  Missing<TicketEvent['type'], (typeof TICKET_EVENT_TYPES)[number]>,
] extends [never, never, never, never]
  ? true
  : false = true;
void listsAreComplete;

const boxOfficeTypes: ReadonlySet<string> = new Set(ALL_BOX_OFFICE_EVENT_TYPES);
export const isBoxOfficeEventType = (type: string): type is BoxOfficeEventType => boxOfficeTypes.has(type);
