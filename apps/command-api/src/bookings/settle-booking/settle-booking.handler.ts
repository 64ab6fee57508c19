import { setTimeout as sleep } from 'node:timers/promises';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { bookingStream } from '@tessera/contracts';
import { Booking, DomainError, rejectionOf, type PlaceBooking, type RequestedBooking } from '@tessera/domain';
import type { CommandContext } from '@tessera/platform/commands/event-sourcing';
import { handleCommand, StreamReads } from '@tessera/platform/commands/handle-command';
import { EventStore, WrongExpectedRevisionError, type RecordedEvent } from '@tessera/platform/event-store/event-store.port';
import { Clock } from '@tessera/platform/time/clock';
import { readBooking } from '../box-office-streams';
import { BookingPlacement, SeatsBeingBooked } from '../place-booking/booking-placement';
import { SettleBookingCommand, SettlementOutcome } from './settle-booking.command';

/**
 * A seat lock covers one command, a few milliseconds: worth a short wait before leaving the
 * request to the settler's next round. A lock is never a refusal here: it may be this very
 * request being settled by its other run, and that run must not be overtaken by a rejection.
 */
const LOCK_ATTEMPTS = 4;
const LOCK_RETRY_MS = 25;

type Settlement = { outcome: SettlementOutcome; position?: string };

/**
 * Settles a requested booking with the seat-hold algorithm of the synchronous path, the booking
 * stream expected at the revision of its `booking.requested.v1`. Run by the in-process fast path
 * right after the 202 and by the BookingRequestSettler for every request still waiting, on any
 * number of instances: whichever appends first wins by expected revision, and the others find
 * the booking settled and do nothing (a run already past its read appends the same event ids,
 * which the log takes as a repeat and writes nothing for). A refusal by the decider is written as
 * `booking.rejected.v1`; anything else (a seat lock held, the store unreachable) leaves the
 * request waiting, to be tried again.
 */
@CommandHandler(SettleBookingCommand)
export class SettleBookingHandler implements ICommandHandler<SettleBookingCommand, Settlement> {
  constructor(
    private readonly store: EventStore,
    private readonly placement: BookingPlacement,
    private readonly clock: Clock,
  ) {}

  async execute({ bookingId }: SettleBookingCommand): Promise<Settlement> {
    for (let attempt = 1; ; attempt++) {
      const booking = await readBooking(new StreamReads(this.store), bookingId);
      if (booking.state.status !== 'requested') return { outcome: 'already_settled' };
      const request = booking.state;
      const context = this.contextOf(booking.events, this.clock.now());
      const command = this.placeBookingOf(request, context);
      try {
        const result = await this.placement.place(command, booking, context);
        return result.outcome === 'placed' ? { outcome: 'placed', position: String(result.position) } : { outcome: 'already_settled' };
      } catch (error) {
        if (error instanceof SeatsBeingBooked && attempt < LOCK_ATTEMPTS) {
          await sleep(LOCK_RETRY_MS * attempt + Math.floor(Math.random() * LOCK_RETRY_MS));
          continue;
        }
        if (!(error instanceof DomainError)) throw error;
        return this.reject(command, error, context);
      }
    }
  }

  /**
   * The settlement belongs to the request: same actor and correlation id, caused by the request
   * event (so its event ids are the same whichever run appends them), at the time it happens.
   */
  private contextOf(events: readonly RecordedEvent[], now: Date): CommandContext {
    const requested = events.find((event) => event.type === 'booking.requested.v1');
    if (!requested) throw new Error('a requested booking without its booking.requested.v1');
    const { actorId, correlationId } = requested.metadata;
    return { actorId, correlationId, causationId: requested.id, now };
  }

  private placeBookingOf({ bookingId, userId, showId, seatIds, voucherCode }: RequestedBooking, context: CommandContext): PlaceBooking {
    const data = { bookingId, userId, showId, seatIds, ...(voucherCode === undefined ? {} : { voucherCode }) };
    return { type: 'PlaceBooking', data, metadata: { now: context.now.toISOString() } };
  }

  private async reject(command: PlaceBooking, refusal: DomainError, context: CommandContext): Promise<Settlement> {
    const { bookingId } = command.data;
    try {
      return await handleCommand<Booking.BookingState, Settlement>(this.store, {
        // Its own event id (not the one a placement by the other run has): that run's placement
        // must refuse this append, not take it for an idempotent repeat of itself.
        context: { ...context, causationId: `reject:${context.causationId}` },
        // A conflict is the other run of the same request placing or rejecting it: not retried.
        attempts: 1,
        read: async (streams) => (await readBooking(streams, bookingId)).state,
        decide: (booking) => {
          const events = Booking.decide(rejectionOf(command, refusal), booking);
          if (events.length === 0) return { answer: { outcome: 'already_settled' } };
          return { append: { [bookingStream(bookingId)]: events }, answer: ({ position }) => ({ outcome: 'rejected', position: String(position) }) };
        },
      });
    } catch (error) {
      // Placed or rejected by the other run of the same request: it has its ending already.
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      return { outcome: 'already_settled' };
    }
  }
}
