/** Response bodies of the ticket endpoints (API.md, Bookings and tickets). */

export type TicketStatus = 'valid' | 'checked_in' | 'void';

export interface TicketView {
  ticketId: string;
  showId: string;
  seatId: string;
  status: TicketStatus;
  /** The signed QR content of the current version. */
  code: string;
}

/** 200 of GET /api/me/tickets. */
export interface MyTicketsResponse {
  items: TicketView[];
}

/** 200 of POST /api/tickets/{ticketId}/transfer: the new code; the old one stops working. */
export interface TransferTicketResponse {
  ticketId: string;
  ownerId: string;
  code: string;
  position: string;
}

/** 200 of POST /api/checkins. */
export interface CheckInResponse {
  ticketId: string;
  showId: string;
  seatId: string;
  checkedInAt: string;
  position: string;
}
