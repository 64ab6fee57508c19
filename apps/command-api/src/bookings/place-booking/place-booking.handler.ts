import { Logger, OnModuleDestroy } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { bookingStream, seatStream, type PendingBookingResponse, type PlaceBookingResponse } from '@tessera/contracts';
import { Booking, decidePlaceBooking, DomainError, rejectionOf, type PlaceBooking } from '@tessera/domain';
import { toAppend } from '@tessera/platform/commands/event-sourcing';
import type { TesseraConfig } from '@tessera/platform/config/config';
import { EventStore, WrongExpectedRevisionError } from '@tessera/platform/event-store/event-store.port';
import { InjectConfig } from '@tessera/platform/platform.module';
import { SeatLocks, seatLockKey } from '@tessera/platform/seat-locks/seat-locks.port';
import { BookingProbe } from '../booking-probe';
import { appendsOf, positionOfAppend, readBooking, readSeats, readShow, seatIdOfStream } from '../box-office-streams';
import { PlaceBookingCommand } from './place-booking.command';

/**
 * The seat-hold algorithm of ARCHITECTURE §3:
 * 1. lock every requested seat (sorted, short TTL); a seat already locked answers 409 at once;
 * 2. read the show and each seat stream (an expired hold counts as free: the decider's lazy expiry);
 * 3. one atomic append: `booking-{id}` expecting no stream, each seat stream at the revision
 *    read. That revision is the fencing token: a holder whose lock ran out while it stalled
 *    fails here, so the lock only cuts contention and safety never depends on its timing;
 * 4. release the locks.
 * A retried request (same Idempotency-Key, so the same booking id) finds its booking and gets
 * the same answer, also after a crash between the append and the response.
 */
@CommandHandler(PlaceBookingCommand)
export class PlaceBookingHandler
  implements ICommandHandler<PlaceBookingCommand, PlaceBookingResponse | PendingBookingResponse>, OnModuleDestroy
{
  private readonly logger = new Logger('PlaceBooking');
  private readonly inBackground = new Set<Promise<void>>();

  constructor(
    private readonly store: EventStore,
    private readonly locks: SeatLocks,
    @InjectConfig() private readonly config: TesseraConfig,
    private readonly probe: BookingProbe,
  ) {}

  async execute(command: PlaceBookingCommand): Promise<PlaceBookingResponse | PendingBookingResponse> {
    if (!command.respondAsync) return this.place(command);
    const settling = this.settle(command).finally(() => this.inBackground.delete(settling));
    this.inBackground.add(settling);
    return { bookingId: command.bookingId, status: 'pending' };
  }

  /** Shutting down waits for placements already accepted with 202, so none is left pending. */
  async onModuleDestroy(): Promise<void> {
    await Promise.allSettled([...this.inBackground]);
  }

  private async place(command: PlaceBookingCommand): Promise<PlaceBookingResponse> {
    const { bookingId, showId, seatIds, context } = command;
    const existing = await readBooking(this.store, bookingId);
    if (existing.state.status !== 'none') return this.answerFromLog(command);

    const seatByLockKey = new Map(seatIds.map((seatId) => [seatLockKey(showId, seatId), seatId]));
    const attempt = await this.locks.acquire([...seatByLockKey.keys()], this.config.SEAT_LOCK_TTL_MS);
    if (!attempt.acquired) {
      const seats = attempt.heldByAnother.map((key) => seatByLockKey.get(key) ?? key);
      throw new DomainError('SEATS_UNAVAILABLE', `being booked by someone else: ${seats.join(', ')}`, { seats });
    }
    try {
      await this.probe.reached('place-booking:after-lock');
      const [show, seats] = await Promise.all([readShow(this.store, showId), readSeats(this.store, showId, seatIds)]);
      const decision = decidePlaceBooking({ show: show.state, seats: seats.states, command: this.placeBookingOf(command) });
      await this.probe.reached('place-booking:before-append');
      const result = await this.store.appendMulti(
        appendsOf(decision, { showId, bookingId, bookingRevision: 'no_stream', seatRevisions: seats.revisions }, context),
      );
      await this.probe.reached('place-booking:after-append');
      const placed = decision.booking[0];
      if (placed.type !== 'booking.placed.v1') throw new Error(`unexpected ${placed.type}`);
      const { expiresAt, amount, currency } = placed.data;
      return { bookingId, status: 'held', showId, seats: seatIds, expiresAt, amount, currency, position: String(result.position) };
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      // The same request running twice at once: the other run wrote the booking.
      if (error.conflicts.some((conflict) => conflict.stream === bookingStream(bookingId))) return this.answerFromLog(command);
      const moved = error.conflicts.map((conflict) => seatIdOfStream(showId, conflict.stream)).filter((seat): seat is string => !!seat);
      throw new DomainError('SEATS_UNAVAILABLE', `taken meanwhile: ${moved.join(', ')}`, { seats: moved });
    } finally {
      // After a long stall the lock may be someone else's by now; release leaves theirs alone.
      await attempt.lock.release().catch((error: unknown) => this.logger.warn({ err: error }, 'could not release seat locks'));
    }
  }

  /** The booking this request already made: the same answer, or the same refusal. */
  private async answerFromLog(command: PlaceBookingCommand): Promise<PlaceBookingResponse> {
    const { bookingId, userId } = command;
    const { state, events } = await readBooking(this.store, bookingId);
    if (state.status === 'none' || state.userId !== userId) {
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
      position: String(
        placed ? await positionOfAppend(this.store, Booking.seatIdsOf(state).map((seatId) => seatStream(state.showId, seatId)), placed) : events[events.length - 1].position,
      ),
    };
  }

  private placeBookingOf({ bookingId, userId, showId, seatIds, context }: PlaceBookingCommand): PlaceBooking {
    return { type: 'PlaceBooking', data: { bookingId, userId, showId, seatIds }, metadata: { now: context.now.toISOString() } };
  }

  /** The background half of `Prefer: respond-async`: every refusal is written down as a rejection. */
  private async settle(command: PlaceBookingCommand): Promise<void> {
    try {
      await this.place(command);
    } catch (error) {
      const refusal =
        error instanceof DomainError
          ? error
          : new DomainError('SERVICE_UNAVAILABLE', 'the booking could not be placed', { seats: [] });
      if (!(error instanceof DomainError)) this.logger.error({ err: error, bookingId: command.bookingId }, 'background placement failed');
      await this.reject(command, refusal).catch((failure: unknown) =>
        this.logger.error({ err: failure, bookingId: command.bookingId }, 'could not record the rejection'),
      );
    }
  }

  private async reject(command: PlaceBookingCommand, refusal: DomainError): Promise<void> {
    const stream = bookingStream(command.bookingId);
    const booking = await readBooking(this.store, command.bookingId);
    const events = Booking.decide(rejectionOf(this.placeBookingOf(command), refusal), booking.state);
    if (events.length === 0) return;
    try {
      await this.store.append(stream, toAppend(stream, events, command.context), { expectedRevision: booking.revision });
    } catch (error) {
      // Placed or rejected by a concurrent run of the same request: it has its ending already.
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
    }
  }
}
