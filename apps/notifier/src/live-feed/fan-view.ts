import type { BookingEvent, IncidentEvent, SeatEvent, TicketEvent, WaitingRoomEvent, WaitlistEvent } from '@tessera/contracts';
import type { RecordedEvent } from '@tessera/platform/event-store/event-store.port';

/**
 * What a fan may see of each event on the live stream (API.md: "a fan receives only events about
 * their own bookings, tickets and incidents, plus seat availability of shows"). Staff and admin
 * see every event in full; this decides the rest, once per event, not once per client.
 *
 * - `seat.*` (availability): every fan, reduced to `{ showId, seatId }`; the type says held, sold
 *   or released. The booking and ticket ids, the hold's expiry and the release reason are left
 *   out: they would tie a seat to another fan's booking.
 * - `booking.*`: the booking's owner, in full.
 * - `ticket.*`: the ticket's owner at that event. A transfer goes to both sides, each seeing only
 *   its own side (`{ ticketId, version, direction }`: never the other fan's id); a check-in leaves
 *   out the staff member who scanned it.
 * - `waitlist.*`: the entry's owner, in full (every waitlist event names its user): they see their
 *   entry join, get an offer (with the booking to pay), and end.
 * - `waiting_room.*`: a place to its fan, reduced to `{ showId, queueId, early }`; an admission to
 *   every fan, as `{ showId, count, through }` (how far the queue has moved names nobody), so a
 *   fan waiting sees their position move and reads it again.
 * - Anything else (shows, and any type this file does not know): staff and admin only. A new
 *   event type stays off the fans' streams until a rule here lets it on.
 */
export type FanAudience =
  | { kind: 'staff-only' }
  | { kind: 'every-fan'; data: unknown }
  | { kind: 'owners'; views: readonly (readonly [userId: string, data: unknown])[] };

/** Who owns what, as of a point in the log (event-owners.ts answers from the log itself). */
export interface Owners {
  bookingOwner(bookingId: string): Promise<string | undefined>;
  /** The ticket's owner once the event at `revision` of its stream is applied. */
  ticketOwnerAt(ticketId: string, revision: number): Promise<string | undefined>;
}

const STAFF_ONLY: FanAudience = { kind: 'staff-only' };

const ownedBy = (userId: string | undefined, data: unknown): FanAudience =>
  userId === undefined ? STAFF_ONLY : { kind: 'owners', views: [[userId, data]] };

export const fanAudienceOf = async (event: RecordedEvent, owners: Owners): Promise<FanAudience> => {
  const family = event.type.slice(0, event.type.indexOf('.'));
  switch (family) {
    case 'seat': {
      const { data } = event as unknown as SeatEvent;
      return { kind: 'every-fan', data: { showId: data.showId, seatId: data.seatId } };
    }
    case 'booking': {
      const booking = event as unknown as BookingEvent;
      const named = 'userId' in booking.data ? booking.data.userId : undefined;
      return ownedBy(named ?? (await owners.bookingOwner(booking.data.bookingId)), event.data);
    }
    case 'ticket': {
      const ticket = event as unknown as TicketEvent;
      switch (ticket.type) {
        case 'ticket.issued.v1':
          return ownedBy(ticket.data.ownerId, event.data);
        case 'ticket.transferred.v1': {
          const { ticketId, version, fromOwnerId, toOwnerId } = ticket.data;
          return {
            kind: 'owners',
            views: [
              [fromOwnerId, { ticketId, version, direction: 'out' }],
              [toOwnerId, { ticketId, version, direction: 'in' }],
            ],
          };
        }
        case 'ticket.checked-in.v1': {
          const { byStaffId: _staff, ...seen } = ticket.data;
          return ownedBy(await owners.ticketOwnerAt(ticket.data.ticketId, event.revision), seen);
        }
        case 'ticket.voided.v1':
          return ownedBy(await owners.ticketOwnerAt(ticket.data.ticketId, event.revision), event.data);
        default:
          return STAFF_ONLY;
      }
    }
    case 'waitlist': {
      const { data } = event as unknown as WaitlistEvent;
      return ownedBy(data.userId, event.data);
    }
    case 'incident':
      return incidentAudience(event as unknown as IncidentEvent);
    case 'waiting_room':
      return waitingRoomAudience(event as unknown as WaitingRoomEvent);
    default:
      return STAFF_ONLY;
  }
};

/** A fan's own place; every admission, which moves every place of the show. The configuration (with its seed) is staff only. */
const waitingRoomAudience = (room: WaitingRoomEvent): FanAudience => {
  switch (room.type) {
    case 'waiting_room.joined.v1': {
      const { showId, queueId, userId, early } = room.data;
      return ownedBy(userId, { showId, queueId, early });
    }
    case 'waiting_room.admitted.v1': {
      const { showId, count, through } = room.data;
      return { kind: 'every-fan', data: { showId, count, through } };
    }
    default:
      return STAFF_ONLY;
  }
};

/** The reporter's view of an event about their incident, or staff only. */
const incidentAudience = (incident: IncidentEvent): FanAudience => {
  const reporter = incident.data.reporterId;
  if (typeof reporter !== 'string' || reporter.startsWith('device:')) return STAFF_ONLY;
  switch (incident.type) {
    case 'incident.reported.v1':
      return ownedBy(reporter, incident.data);
    case 'incident.status_changed.v1':
    case 'incident.reprioritized.v1':
    case 'incident.severity_set.v1': {
      const { by: _staff, ...seen } = incident.data;
      return ownedBy(reporter, seen);
    }
    case 'incident.sla_breached.v1':
      return ownedBy(reporter, incident.data);
    default:
      // incident.assigned.v1 (names a staff member) and incident.note_added.v1 (staff notes).
      return STAFF_ONLY;
  }
};
