/** Response bodies of the show endpoints (API.md, Shows). `position` is the global log position as a decimal string. */

export type ShowStatus = 'draft' | 'on_sale' | 'cancelled';
export type SeatStatus = 'available' | 'held' | 'sold';

export interface CreateShowResponse {
  showId: string;
  position: string;
}

export interface PublishShowResponse {
  showId: string;
  status: 'on_sale';
  position: string;
}

export interface CancelShowResponse {
  showId: string;
  status: 'cancelled';
  position: string;
}

export interface ShowSummary {
  showId: string;
  name: string;
  venue: string;
  startsAt: string;
  status: ShowStatus;
  currency: string;
  /** The lowest price among the categories that have seats, minor units. */
  priceFrom: number;
  capacity: number;
  available: number;
}

export interface ShowListResponse {
  items: ShowSummary[];
  nextCursor: string | null;
}

export interface ShowDetailResponse {
  showId: string;
  name: string;
  venue: string;
  startsAt: string;
  status: ShowStatus;
  currency: string;
  holdMinutes: number;
  maxSeatsPerBooking: number;
  categories: { id: string; name: string; price: number; capacity: number; available: number }[];
  sections: { id: string; name: string; categoryId: string; capacity: number; available: number }[];
  /** The show's virtual waiting room, once an admin has configured one: while enabled, bookings need an admission token. */
  waitingRoom?: ShowWaitingRoom;
}

export interface ShowWaitingRoom {
  enabled: boolean;
  /** ISO 8601 UTC. */
  opensAt: string;
  admitPerMinute: number;
  tokenMinutes: number;
}

export interface SeatView {
  seatId: string;
  sectionId: string;
  row: string;
  number: number;
  categoryId: string;
  status: SeatStatus;
}

export interface SeatMapResponse {
  showId: string;
  seats: SeatView[];
}
