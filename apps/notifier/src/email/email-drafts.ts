import type {
  AccountRegistered,
  BookingCancelled,
  BookingConfirmed,
  BookingExpired,
  BookingPlaced,
  BookingRefunded,
  IncidentStatusChanged,
  TicketTransferred,
  TicketVoided,
  WaitlistOffered,
} from '@tessera/contracts';
import { WAITLIST_ACTOR } from '@tessera/contracts';
import type { RecordedEvent } from '@tessera/platform/event-store/event-store.port';
import type { NotificationFacts, Recipient } from './facts';
import type { EmailDraft, EmailKind, InlineTicket } from './outbox';
import {
  bookingConfirmedEmail,
  bookingExpiredEmail,
  bookingHeldEmail,
  holdExpiringEmail,
  incidentStatusEmail,
  refundEmail,
  showCancelledEmail,
  ticketReceivedEmail,
  ticketSentEmail,
  waitlistOfferEmail,
  welcomeEmail,
  type RenderedEmail,
} from './templates';

/** The events that lead to an e-mail (or stop one that waits). */
export const EMAIL_EVENT_TYPES = [
  'account.registered.v1',
  'booking.placed.v1',
  'booking.confirmed.v1',
  'booking.expired.v1',
  'booking.cancelled.v1',
  'booking.refunded.v1',
  'ticket.transferred.v1',
  'ticket.voided.v1',
  'incident.status_changed.v1',
  'waitlist.offered.v1',
] as const;

/** The hold warning goes out this long before the hold ends. */
export const HOLD_WARNING_MS = 2 * 60_000;

/** What one event does to the outbox: e-mails to write, and waiting e-mails (by id) to call off. */
export interface EmailPlan {
  drafts: EmailDraft[];
  cancel: string[];
}

/** An outbox id: the kind and what it is about, so the same fact always drafts the same id. */
export const emailIdOf = (kind: EmailKind, ...about: (string | number)[]): string => [kind, ...about].join('-');

const NOTHING: EmailPlan = { drafts: [], cancel: [] };

const draft = (
  kind: EmailKind,
  id: string,
  to: Recipient,
  event: RecordedEvent,
  rendered: RenderedEmail,
  options: { dueAt?: number; notAfter?: number; tickets?: InlineTicket[] } = {},
): EmailDraft => ({
  id,
  kind,
  to: to.email,
  toName: to.displayName,
  ...rendered,
  tickets: options.tickets ?? [],
  eventId: event.id,
  dueAt: options.dueAt ?? Date.parse(event.metadata.occurredAt),
  ...(options.notAfter === undefined ? {} : { notAfter: options.notAfter }),
});

const ticketCid = (ticketId: string, version: number): string => `ticket-${ticketId}-v${version}@tessera`;

/**
 * The e-mails an event calls for (API.md, Live feeds). Facts the event does not carry (who, which
 * show) come from the log; a fact that cannot be found (a user without an account, a show that
 * does not exist) means nobody to tell, and no e-mail.
 */
export const planEmails = async (event: RecordedEvent, facts: NotificationFacts): Promise<EmailPlan> => {
  switch (event.type) {
    case 'account.registered.v1': {
      const { userId, email, displayName } = event.data as AccountRegistered['data'];
      return { drafts: [draft('welcome', emailIdOf('welcome', userId), { userId, email, displayName }, event, welcomeEmail({ displayName }))], cancel: [] };
    }
    case 'booking.placed.v1': {
      const data = event.data as BookingPlaced['data'];
      const [to, show] = await Promise.all([facts.recipient(data.userId), facts.show(data.showId)]);
      if (!to || !show) return NOTHING;
      const seats = data.seats.map((seat) => seat.seatId);
      // A hold the waiting list made for the fan is told by the offer's e-mail instead.
      const drafts =
        event.metadata.actorId === WAITLIST_ACTOR
          ? []
          : [draft('booking-held', emailIdOf('booking-held', data.bookingId), to, event, bookingHeldEmail({ displayName: to.displayName, show, seats, amount: data.amount, currency: data.currency, expiresAt: data.expiresAt }))];
      const expiresAt = Date.parse(data.expiresAt);
      const warnAt = expiresAt - HOLD_WARNING_MS;
      // A hold of two minutes or less: the held e-mail has said it all.
      if (warnAt > Date.parse(event.metadata.occurredAt)) {
        drafts.push(
          draft('hold-expiring', emailIdOf('hold-expiring', data.bookingId), to, event, holdExpiringEmail({ displayName: to.displayName, show, seats, expiresAt: data.expiresAt }), {
            dueAt: warnAt,
            notAfter: expiresAt,
          }),
        );
      }
      return { drafts, cancel: [] };
    }
    case 'booking.confirmed.v1': {
      const data = event.data as BookingConfirmed['data'];
      const cancel = [emailIdOf('hold-expiring', data.bookingId)];
      const booking = await facts.booking(data.bookingId);
      const [to, show] = booking ? await Promise.all([facts.recipient(booking.userId), facts.show(data.showId)]) : [null, null];
      if (!to || !show) return { drafts: [], cancel };
      const tickets = data.tickets.map((ticket) => ({ cid: ticketCid(ticket.ticketId, 1), ticketId: ticket.ticketId, version: 1, seatId: ticket.seatId }));
      const rendered = bookingConfirmedEmail({ displayName: to.displayName, show, amount: data.amount, currency: data.currency, tickets });
      return { drafts: [draft('booking-confirmed', emailIdOf('booking-confirmed', data.bookingId), to, event, rendered, { tickets })], cancel };
    }
    case 'booking.expired.v1': {
      const data = event.data as BookingExpired['data'];
      const cancel = [emailIdOf('hold-expiring', data.bookingId)];
      const booking = await facts.booking(data.bookingId);
      const [to, show] = booking ? await Promise.all([facts.recipient(booking.userId), facts.show(data.showId)]) : [null, null];
      if (!to || !show) return { drafts: [], cancel };
      return { drafts: [draft('booking-expired', emailIdOf('booking-expired', data.bookingId), to, event, bookingExpiredEmail({ displayName: to.displayName, show, seats: data.seatIds }))], cancel };
    }
    case 'booking.cancelled.v1': {
      const data = event.data as BookingCancelled['data'];
      const cancel = [emailIdOf('hold-expiring', data.bookingId)];
      // A fan who cancels their own hold knows; a hold ended by the show's cancellation is told.
      if (data.reason !== 'show_cancelled') return { drafts: [], cancel };
      const booking = await facts.booking(data.bookingId);
      const [to, show] = booking ? await Promise.all([facts.recipient(booking.userId), facts.show(data.showId)]) : [null, null];
      if (!to || !show) return { drafts: [], cancel };
      return { drafts: [draft('show-cancelled', emailIdOf('show-cancelled', data.showId, to.userId), to, event, showCancelledEmail({ displayName: to.displayName, show }))], cancel };
    }
    case 'booking.refunded.v1': {
      const data = event.data as BookingRefunded['data'];
      const booking = await facts.booking(data.bookingId);
      const [to, show] = booking ? await Promise.all([facts.recipient(booking.userId), facts.show(data.showId)]) : [null, null];
      if (!to || !show) return NOTHING;
      const refund = { amount: data.amount, currency: data.currency };
      if (data.reason === 'show_cancelled') {
        return { drafts: [draft('show-cancelled', emailIdOf('show-cancelled', data.showId, to.userId), to, event, showCancelledEmail({ displayName: to.displayName, show, refund }))], cancel: [] };
      }
      return { drafts: [draft('refund', emailIdOf('refund', data.refundId), to, event, refundEmail({ displayName: to.displayName, show, ...refund, reason: data.reason }))], cancel: [] };
    }
    case 'ticket.voided.v1': {
      // A holder who received the ticket by transfer hears of the cancellation too; the booker is told by the refund.
      const data = event.data as TicketVoided['data'];
      if (data.reason !== 'show_cancelled') return NOTHING;
      const [ticket, booking] = await Promise.all([facts.ticket(data.ticketId), facts.booking(data.bookingId)]);
      if (!ticket || !booking || ticket.ownerId === booking.userId) return NOTHING;
      const [to, show] = await Promise.all([facts.recipient(ticket.ownerId), facts.show(data.showId)]);
      if (!to || !show) return NOTHING;
      return { drafts: [draft('show-cancelled', emailIdOf('show-cancelled', data.showId, to.userId), to, event, showCancelledEmail({ displayName: to.displayName, show }))], cancel: [] };
    }
    case 'ticket.transferred.v1': {
      const data = event.data as TicketTransferred['data'];
      const ticket = await facts.ticket(data.ticketId);
      if (!ticket) return NOTHING;
      const [from, to, show] = await Promise.all([facts.recipient(data.fromOwnerId), facts.recipient(data.toOwnerId), facts.show(ticket.showId)]);
      if (!show) return NOTHING;
      const drafts: EmailDraft[] = [];
      if (from && to) {
        drafts.push(draft('ticket-sent', emailIdOf('ticket-sent', data.ticketId, data.version), from, event, ticketSentEmail({ displayName: from.displayName, show, seatId: ticket.seatId, toName: to.displayName })));
      }
      if (to) {
        const inline = { cid: ticketCid(data.ticketId, data.version), ticketId: data.ticketId, version: data.version, seatId: ticket.seatId };
        const rendered = ticketReceivedEmail({ displayName: to.displayName, show, seatId: ticket.seatId, fromName: from?.displayName ?? 'Someone', cid: inline.cid });
        drafts.push(draft('ticket-received', emailIdOf('ticket-received', data.ticketId, data.version), to, event, rendered, { tickets: [inline] }));
      }
      return { drafts, cancel: [] };
    }
    case 'incident.status_changed.v1': {
      // To the person who reported it; an incident a device rule opened (`device:{deviceId}`) has nobody to tell.
      const data = event.data as IncidentStatusChanged['data'];
      if (data.reporterId.startsWith('device:')) return NOTHING;
      const [to, incident] = await Promise.all([facts.recipient(data.reporterId), facts.incident(data.incidentId)]);
      if (!to || !incident) return NOTHING;
      const rendered = incidentStatusEmail({ displayName: to.displayName, title: incident.title, incidentId: data.incidentId, from: data.from, to: data.to, at: data.at });
      // One per move: the move's revision in the incident's stream names it.
      return { drafts: [draft('incident-status', emailIdOf('incident-status', data.incidentId, event.revision), to, event, rendered)], cancel: [] };
    }
    case 'waitlist.offered.v1': {
      const data = event.data as WaitlistOffered['data'];
      const [to, show, booking] = await Promise.all([facts.recipient(data.userId), facts.show(data.showId), facts.booking(data.bookingId)]);
      if (!to || !show || !booking) return NOTHING;
      const rendered = waitlistOfferEmail({ displayName: to.displayName, show, seats: data.seatIds, amount: booking.amount, currency: booking.currency, expiresAt: data.expiresAt, bookingId: data.bookingId });
      return { drafts: [draft('waitlist-offer', emailIdOf('waitlist-offer', data.entryId), to, event, rendered, { notAfter: Date.parse(data.expiresAt) })], cancel: [] };
    }
    default:
      return NOTHING;
  }
};
