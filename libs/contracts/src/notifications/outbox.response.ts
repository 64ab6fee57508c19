/** GET /api/admin/outbox (API.md, Live feeds): every e-mail the notifier sent or is trying to send. */
export type OutboxItemStatus = 'sent' | 'retrying' | 'failed';

export interface OutboxItem {
  id: string;
  to: string;
  subject: string;
  /** welcome, booking-held, hold-expiring, booking-confirmed, booking-expired, refund, show-cancelled, ticket-sent, ticket-received, incident-status. */
  kind: string;
  /** The event the e-mail tells of. */
  eventId: string;
  /** ISO 8601 UTC; null until sent. */
  sentAt: string | null;
  status: OutboxItemStatus;
  attempts: number;
}

export interface OutboxResponse {
  items: OutboxItem[];
}

export const OUTBOX_DEFAULT_LIMIT = 50;
export const OUTBOX_MAX_LIMIT = 500;
