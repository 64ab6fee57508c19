import { Injectable, Logger } from '@nestjs/common';
import { bookingStream, type BookingPlaced, type DomainEvent } from '@tessera/contracts';
import { decidePlaceBooking, DomainError, requireAdmission, type BookingState, type PlaceBooking } from '@tessera/domain';
import type { CommandContext, LoadedStream } from '@tessera/platform/commands/event-sourcing';
import type { TesseraConfig } from '@tessera/platform/config/config';
import { handleCommand, type StreamReads } from '@tessera/platform/commands/handle-command';
import { EventStore, WrongExpectedRevisionError } from '@tessera/platform/event-store/event-store.port';
import { InjectConfig } from '@tessera/platform/platform.module';
import { SeatLocks, seatLockKey } from '@tessera/platform/seat-locks/seat-locks.port';
import { admissionEvents, readAdmission, type AdmissionInput } from '../../waiting-room/admission-check';
import { WaitingRooms } from '../../waiting-room/waiting-rooms';
import { BookingProbe } from '../booking-probe';
import { readEarlierBookings, readSeats, readShow, readVoucher, seatIdOfStream, streamsOf } from '../box-office-streams';

/**
 * The seat-hold algorithm of ARCHITECTURE §3, shared by the synchronous placement (201) and the
 * settlement of a requested one (202):
 * 1. lock every requested seat (sorted, short TTL); a seat already locked is refused at once;
 * 2. read the show, each seat stream (an expired hold counts as free: the decider's lazy expiry)
 *    and, with a voucher code, `voucher-{showId}-{code}`;
 * 3. one atomic append: `booking-{id}` at the revision the caller read it at ('no_stream' for a
 *    new booking, the revision of its `booking.requested.v1` for a requested one), each seat
 *    stream at the revision read, the voucher's use at the revision read, and, while the show's
 *    waiting room is open, the admission's use on its place's stream (admission-check.ts). Those revisions are
 *    the fencing tokens: a holder whose lock ran out while it stalled fails here, so the lock only
 *    cuts contention and safety never depends on its timing; of two runs settling the same
 *    request, only the first append lands; and of two bookings taking a voucher's last use, only
 *    one does (the other reads the voucher again, no lock is taken on it, and finds it exhausted);
 * 4. release the locks.
 */

/** A seat lock is held by another command right now: nothing was decided, and trying later may succeed. */
export class SeatsBeingBooked extends Error {
  constructor(readonly seats: string[]) {
    super(`being booked by someone else: ${seats.join(', ')}`);
    this.name = 'SeatsBeingBooked';
  }
}

export type PlacementOutcome =
  | { outcome: 'placed'; placed: BookingPlaced['data']; position: number }
  /** Another run of the same booking (a retry, or the other settler) wrote it first. */
  | { outcome: 'written_meanwhile' };

/**
 * Streams decided together with a placement, in its atomic append (the waiting list's offer that
 * the hold is for): read in the same command, so their revisions fence the append as the seats'
 * do. A conflict on them alone is read and decided again, as a voucher's is.
 */
export interface PlacedAlongside<TRead> {
  read: (streams: StreamReads) => Promise<TRead>;
  /** Events per stream, given what was read and the booking placed; may refuse with a DomainError. */
  decide: (read: TRead, placed: BookingPlaced['data']) => Record<string, DomainEvent[]>;
}

/** Reads of a contended voucher before giving up with a retryable 409: enough for every use of a hot code to be taken. */
const VOUCHER_ATTEMPTS = 100;

@Injectable()
export class BookingPlacement {
  private readonly logger = new Logger('BookingPlacement');

  constructor(
    private readonly store: EventStore,
    private readonly locks: SeatLocks,
    @InjectConfig() private readonly config: TesseraConfig,
    private readonly probe: BookingProbe,
    private readonly rooms: WaitingRooms,
  ) {}

  /**
   * Holds the seats of `command` for its booking, read beforehand as `booking`. Throws
   * `SeatsBeingBooked` while a seat is locked, and the decider's `DomainError` when it refuses.
   */
  async place<TAlongside = never>(
    command: PlaceBooking,
    booking: Pick<LoadedStream<BookingState>, 'state' | 'revision'>,
    context: CommandContext,
    /**
     * `admission`: the waiting room's token, checked with the placement (undefined where it was
     * checked when the booking was requested, or for the waiting list's own offers);
     * `alongside`: streams decided in the same append (the waiting list's offer).
     */
    { admission, alongside }: { admission?: AdmissionInput; alongside?: PlacedAlongside<TAlongside> } = {},
  ): Promise<PlacementOutcome> {
    const { bookingId, showId, seatIds } = command.data;
    // The token's own checks (account, show, expiry, place) come before any seat lock, so attempts
    // without a valid one never hold the locks admitted fans need, nor learn what the seats are
    // doing; whether it is spent is read under the locks, with the booking's append.
    if (admission) requireAdmission({ room: (await this.rooms.view(showId)).state, admission: admission.claims, spent: false, showId, userId: command.data.userId, now: context.now.toISOString() });
    const seatByLockKey = new Map(seatIds.map((seatId) => [seatLockKey(showId, seatId), seatId]));
    const attempt = await this.locks.acquire([...seatByLockKey.keys()], this.config.SEAT_LOCK_TTL_MS);
    if (!attempt.acquired) throw new SeatsBeingBooked(attempt.heldByAnother.map((key) => seatByLockKey.get(key) ?? key));
    try {
      await this.probe.reached('place-booking:after-lock');
      // Under the seat locks a seat or booking conflict is final (told apart below). A conflict on
      // the voucher's stream (another booking took a use meanwhile) or on the buyer's (the same
      // account booked meanwhile) alone: read again and decide again (the next read may find the
      // voucher exhausted or the limit reached), a bounded number of times.
      for (let round = 1; ; round += 1) {
        try {
          return await this.placeOnce(command, booking, context, admission, alongside);
        } catch (error) {
          if (!(error instanceof WrongExpectedRevisionError)) throw error;
          if (error.conflicts.some((conflict) => conflict.stream === bookingStream(bookingId))) return { outcome: 'written_meanwhile' };
          const moved = error.conflicts.map((conflict) => seatIdOfStream(showId, conflict.stream)).filter((seat): seat is string => !!seat);
          if (moved.length > 0) throw new DomainError('SEATS_UNAVAILABLE', `taken meanwhile: ${moved.join(', ')}`, { seats: moved });
          if (round >= VOUCHER_ATTEMPTS) {
              throw new DomainError('CONCURRENCY_CONFLICT', 'the voucher or this account’s other bookings for the show are changing too fast; try again', {});
          }
        }
      }
    } finally {
      // After a long stall the lock may be someone else's by now; release leaves theirs alone.
      await attempt.lock.release().catch((error: unknown) => this.logger.warn({ err: error }, 'could not release seat locks'));
    }
  }

  /** One read, decide and atomic append (booking, seats, and the voucher's stream when one is named). */
  private placeOnce<TAlongside>(
    command: PlaceBooking,
    booking: Pick<LoadedStream<BookingState>, 'state' | 'revision'>,
    context: CommandContext,
    admission: AdmissionInput | undefined,
    alongside: PlacedAlongside<TAlongside> | undefined,
  ): Promise<PlacementOutcome> {
    const { bookingId, userId, showId, seatIds, voucherCode } = command.data;
    return handleCommand(this.store, {
      context,
      attempts: 1,
      read: async (streams) => {
        streams.readBefore(bookingStream(bookingId), booking.revision);
        const [show, seats, voucher, room, also] = await Promise.all([
          readShow(streams, showId),
          readSeats(streams, showId, seatIds),
          voucherCode === undefined ? undefined : readVoucher(streams, showId, voucherCode),
          admission === undefined ? undefined : readAdmission(streams, this.rooms, { showId, userId, bookingId }, admission),
          alongside?.read(streams),
        ]);
        const limited = show.state.status !== 'none' && (show.state.maxSeatsHeldPerUser !== undefined || show.state.maxTicketsPerUser !== undefined);
        const earlierBookings = limited ? await readEarlierBookings(streams, showId, userId) : [];
        return { show: show.state, seats, voucher: voucher?.state, earlierBookings, room, also };
      },
      decide: ({ show, seats, voucher, earlierBookings, room, also }) => {
        const admitted = room === undefined ? {} : admissionEvents(room, { showId, userId, bookingId, now: context.now });
        const decision = decidePlaceBooking({ booking: booking.state, show, seats, voucher, earlierBookings, command });
        const [placed] = decision.booking;
        if (placed.type !== 'booking.placed.v1') throw new Error(`unexpected ${placed.type}`);
        return {
          append: { ...streamsOf(decision, { showId, bookingId }), ...admitted, ...(alongside ? alongside.decide(also as TAlongside, placed.data) : {}) },
          before: () => this.probe.reached('place-booking:before-append'),
          answer: async (appended): Promise<PlacementOutcome> => {
            await this.probe.reached('place-booking:after-append');
            return { outcome: 'placed', placed: placed.data, position: appended.position };
          },
        };
      },
    });
  }
}
