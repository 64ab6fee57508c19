import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { bookingStream, seatStream, type PlaceBookingResponse } from '@tessera/contracts';
import { Booking, DomainError, type PlaceBooking } from '@tessera/domain';
import type { LoadedStream } from '@tessera/platform/commands/event-sourcing';
import { handleCommand, StreamReads } from '@tessera/platform/commands/handle-command';
import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { AdmissionTokens } from '@tessera/platform/security/admission-tokens';
import { admissionEvents, readAdmission } from '../../waiting-room/admission-check';
import { WaitingRooms } from '../../waiting-room/waiting-rooms';
import { positionOfAppend, readBooking } from '../box-office-streams';
import { BookingPlacement, SeatsBeingBooked } from './booking-placement';
import { PendingPlacement, PlaceBookingCommand } from './place-booking.command';

/**
 * POST /api/bookings.
 * - At once (201): the seat-hold algorithm (BookingPlacement) on a new booking id, with
 *   `booking-{id}` expected not to exist.
 * - With `Prefer: respond-async` (202): `booking.requested.v1` is appended, expecting no stream,
 *   before the answer, and that is all (an open waiting room's token is checked first; the
 *   request records no use of it, so only an at-once booking that is paid spends a token). Settling it is the BookingRequestSettler's job: its
 *   subscription to the log guarantees it, and the controller asks it to start at once.
 * A retried request (same Idempotency-Key, so the same booking id) finds its booking and gets
 * the same answer, also after a crash between the append and the response.
 */
@CommandHandler(PlaceBookingCommand)
export class PlaceBookingHandler implements ICommandHandler<PlaceBookingCommand, PlaceBookingResponse | PendingPlacement> {
  constructor(
    private readonly store: EventStore,
    private readonly placement: BookingPlacement,
    private readonly rooms: WaitingRooms,
    private readonly tokens: AdmissionTokens,
  ) {}

  execute(command: PlaceBookingCommand): Promise<PlaceBookingResponse | PendingPlacement> {
    return command.respondAsync ? this.request(command) : this.place(command);
  }

  private async place(command: PlaceBookingCommand): Promise<PlaceBookingResponse> {
    const { bookingId, seatIds, context } = command;
    const existing = await readBooking(new StreamReads(this.store), bookingId);
    if (existing.state.status !== 'none') return this.answerFromLog(command);
    try {
      const result = await this.placement.place(this.placeBookingOf(command), existing, context, { admission: { claims: this.tokens.verify(command.admissionToken) } });
      // The same request running twice at once: the other run wrote the booking.
      if (result.outcome === 'written_meanwhile') return this.answerFromLog(command);
      const { showId, expiresAt, amount, currency, discount } = result.placed;
      return { bookingId, status: 'held', showId, seats: seatIds, expiresAt, amount, currency, ...(discount ? { discount } : {}), position: String(result.position) };
    } catch (error) {
      // The lock's job is latency: a seat someone is booking right now is refused at once.
      if (error instanceof SeatsBeingBooked) throw new DomainError('SEATS_UNAVAILABLE', error.message, { seats: error.seats });
      throw error;
    }
  }

  /** Write the request down before answering 202: from then on it is settled even if this process dies. */
  private request(command: PlaceBookingCommand): Promise<PendingPlacement> {
    const { bookingId, userId, showId, seatIds, voucherCode, context } = command;
    return handleCommand(this.store, {
      context,
      // The waiting room admits the request here, and the token's use is recorded with it (as a
      // placement records it), so paying the booking spends the token; its settlement later holds
      // the seats without asking again.
      read: async (streams) => {
        const [existing, admission] = await Promise.all([
          readBooking(streams, bookingId),
          readAdmission(streams, this.rooms, { showId, userId, bookingId }, { claims: this.tokens.verify(command.admissionToken) }),
        ]);
        return { existing, admission };
      },
      decide: ({ existing, admission }) => {
        const admitted = existing.state.status === 'none' ? admissionEvents(admission, { showId, userId, bookingId, now: context.now }) : {};
        const data = { bookingId, userId, showId, seatIds, ...(voucherCode === undefined ? {} : { voucherCode }) };
        const events = Booking.decide({ type: 'RequestBooking', data }, existing.state);
        // A retry: the request is in the log already (and may be settled by now); the first answer again.
        if (events.length === 0) return { answer: this.pendingFromLog(bookingId, existing) };
        return {
          append: { [bookingStream(bookingId)]: events, ...admitted },
          answer: ({ position }): PendingPlacement => ({ bookingId, status: 'pending', position: String(position) }),
        };
      },
    });
  }

  private pendingFromLog(bookingId: string, { events }: LoadedStream<Booking.BookingState>): PendingPlacement {
    const requested = events.find((event) => event.type === 'booking.requested.v1') ?? events[events.length - 1];
    return { bookingId, status: 'pending', position: String(requested.position) };
  }

  /** The booking this request already made: the same answer, or the same refusal. */
  private async answerFromLog(command: PlaceBookingCommand): Promise<PlaceBookingResponse> {
    const { bookingId, userId } = command;
    const { state, events } = await readBooking(new StreamReads(this.store), bookingId);
    if (state.status === 'none' || state.status === 'requested' || state.userId !== userId) {
      throw new DomainError('CONCURRENCY_CONFLICT', `booking ${bookingId} is being written; try again`, {});
    }
    if (state.status === 'rejected') {
      throw new DomainError(state.code, `the booking was refused: ${state.code}`, { seats: state.unavailableSeats });
    }
    const placed = events.find((event) => event.type === 'booking.placed.v1');
    return {
      bookingId,
      // A replay tells the booking as it is now (it may have been paid or have expired since).
      status: state.status as 'held',
      showId: state.showId,
      seats: Booking.seatIdsOf(state),
      expiresAt: state.expiresAt,
      amount: state.amount,
      currency: state.currency,
      ...(state.discount ? { discount: state.discount } : {}),
      position: String(
        placed ? await positionOfAppend(this.store, Booking.seatIdsOf(state).map((seatId) => seatStream(state.showId, seatId)), placed) : events[events.length - 1].position,
      ),
    };
  }

  private placeBookingOf({ bookingId, userId, showId, seatIds, voucherCode, context }: PlaceBookingCommand): PlaceBooking {
    const data = { bookingId, userId, showId, seatIds, ...(voucherCode === undefined ? {} : { voucherCode }) };
    return { type: 'PlaceBooking', data, metadata: { now: context.now.toISOString() } };
  }
}
