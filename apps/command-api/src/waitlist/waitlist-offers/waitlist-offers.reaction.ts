import { Injectable, Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { WAITLIST_ACTOR, waitlistStream, type BookingCancelled, type SeatReleased, type WaitlistEvent } from '@tessera/contracts';
import { Booking, DomainError, isCreated, matchOffers, Seat, seatOf, Waitlist, type WaitlistEntry } from '@tessera/domain';
import { deterministicEventId, type CommandContext } from '@tessera/platform/commands/event-sourcing';
import { handleCommand, StreamReads } from '@tessera/platform/commands/handle-command';
import { EventStore, RecordedEvent } from '@tessera/platform/event-store/event-store.port';
import { ReadStore } from '@tessera/platform/read-store/read-store.port';
import { Subscriptions } from '@tessera/platform/subscriptions/subscriptions';
import { Clock } from '@tessera/platform/time/clock';
import { readSeats, readShow, readWaitlist } from '../../bookings/box-office-streams';
import { BookingPlacement, SeatsBeingBooked } from '../../bookings/place-booking/booking-placement';
import { LogReaction } from '../../reactions/log-reaction';

/**
 * The waiting list as a durable reaction: a handler on the platform subscription, with its
 * checkpoint in the ReadStore. Seats that come back to a show with a waiting list (a hold that
 * expired or was cancelled, a refund) are kept as the show's returned seats; whenever some are
 * free and entries wait, the first entries that fit are offered them: a hold placed for the
 * waiting fan through the bookings' own placement (seat locks, seat streams at the revisions
 * read), with the entry's `waitlist.offered.v1` in the same atomic append. Two instances, or a
 * replay, offering the same seats or the same entry at once: one append lands, the other fails on
 * a revision and offers nothing. An offer's booking that is paid fulfils the entry; one that
 * expires or is cancelled ends it, and its seats, released, go to the next entries.
 */

export const WAITLIST_OFFERS_CHECKPOINT = 'waitlist-offers';
/** `{ _id: showId }` for every show someone joined the waiting list of. */
export const WAITLISTED_SHOWS = 'waitlist-offers.shows';
/** `{ _id: "{showId} {seatId}", showId, seatId }`: seats that came back and were not offered yet. */
export const RETURNED_SEATS = 'waitlist-offers.returned-seats';
/** `{ _id: bookingId, showId }` for every offer's booking. */
export const OFFER_BOOKINGS = 'waitlist-offers.bookings';

const EVENT_TYPES = ['waitlist.joined.v1', 'waitlist.offered.v1', 'seat.released.v1', 'booking.confirmed.v1', 'booking.expired.v1', 'booking.cancelled.v1'] as const;
/** Rounds of matching after offers failed on seats someone was booking at that moment. */
const ROUNDS = 3;
const ROUND_PAUSE_MS = 50;

interface WaitlistedShow {
  _id: string;
  [key: string]: unknown;
}

interface ReturnedSeatDoc {
  _id: string;
  showId: string;
  seatId: string;
  [key: string]: unknown;
}

interface OfferBooking {
  _id: string;
  showId: string;
  [key: string]: unknown;
}

/** The booking of the offer to an entry: an entry is offered at most once, so one per entry. */
export const offerBookingIdFor = (entryId: string): string => deterministicEventId(`waitlist-offer:${entryId}`, 'booking', 0);

type OfferOutcome = 'offered' | 'passed' | 'seats_being_booked';

@Injectable()
export class WaitlistOffersReaction extends LogReaction {
  private readonly logger = new Logger('WaitlistOffers');

  constructor(
    subscriptions: Subscriptions,
    private readonly events: EventStore,
    private readonly reads: ReadStore,
    private readonly placement: BookingPlacement,
    private readonly clock: Clock,
  ) {
    super(subscriptions, WAITLIST_OFFERS_CHECKPOINT, EVENT_TYPES);
  }

  protected async handle(event: RecordedEvent): Promise<void> {
    switch (event.type) {
      case 'waitlist.joined.v1': {
        const { showId } = event.data as WaitlistEvent['data'];
        await this.reads.collection<WaitlistedShow>(WAITLISTED_SHOWS).replaceOne({ _id: showId }, { _id: showId }, { upsert: true });
        await this.offer(showId, event);
        return;
      }
      case 'waitlist.offered.v1': {
        const { showId, bookingId } = event.data as Extract<WaitlistEvent, { type: 'waitlist.offered.v1' }>['data'];
        await this.reads.collection<OfferBooking>(OFFER_BOOKINGS).replaceOne({ _id: bookingId }, { _id: bookingId, showId }, { upsert: true });
        return;
      }
      case 'seat.released.v1': {
        const { showId, seatId, reason } = event.data as SeatReleased['data'];
        // A cancelled show offers nothing; a show nobody waits for keeps no returned seats.
        if (reason === 'show_cancelled' || !(await this.reads.collection<WaitlistedShow>(WAITLISTED_SHOWS).findOne({ _id: showId }))) return;
        const _id = `${showId} ${seatId}`;
        await this.reads.collection<ReturnedSeatDoc>(RETURNED_SEATS).replaceOne({ _id }, { _id, showId, seatId }, { upsert: true });
        await this.offer(showId, event);
        return;
      }
      case 'booking.confirmed.v1':
        await this.settle(event, 'paid');
        return;
      case 'booking.expired.v1':
        await this.settle(event, 'expired');
        return;
      case 'booking.cancelled.v1':
        await this.settle(event, 'cancelled');
        return;
    }
  }

  /** Offers the show's free returned seats to the first waiting entries that fit them. */
  private async offer(showId: string, cause: RecordedEvent): Promise<void> {
    for (let round = 1; round <= ROUNDS; round += 1) {
      const matches = await this.matchesOf(showId);
      if (matches.length === 0) return;
      const outcomes: OfferOutcome[] = [];
      for (const match of matches) outcomes.push(await this.offerTo(showId, match, cause));
      if (!outcomes.includes('seats_being_booked')) return;
      await sleep(ROUND_PAUSE_MS);
    }
  }

  /** Which entries get which of the show's returned seats that are free now (those taken meanwhile are forgotten). */
  private async matchesOf(showId: string): Promise<{ entry: WaitlistEntry; seatIds: string[] }[]> {
    const returnedSeats = this.reads.collection<ReturnedSeatDoc>(RETURNED_SEATS);
    const returned = await returnedSeats.find({ showId }, { sort: { _id: 1 } });
    if (returned.length === 0) return [];
    const streams = new StreamReads(this.events);
    const [show, waitlist, seats] = await Promise.all([
      readShow(streams, showId),
      readWaitlist(streams, showId),
      readSeats(streams, showId, returned.map((seat) => seat.seatId)),
    ]);
    if (!isCreated(show.state) || show.state.status !== 'on_sale') {
      await returnedSeats.deleteMany({ showId });
      return [];
    }
    const now = this.clock.now().toISOString();
    const free: { seatId: string; categoryId: string }[] = [];
    for (const { _id, seatId } of returned) {
      const seat = seatOf(show.state, seatId);
      if (seat && Seat.isFreeAt(seats[seatId], now)) free.push({ seatId, categoryId: seat.categoryId });
      else await returnedSeats.deleteOne({ _id });
    }
    return matchOffers(waitlist.state, free);
  }

  /**
   * One offer: the entry's hold and its `waitlist.offered.v1` in one append. A refusal (the seats
   * were taken, the entry is no longer waiting, the fan is at the show's per-account limit)
   * offers nothing to this entry now; it keeps its place.
   */
  private async offerTo(showId: string, { entry, seatIds }: { entry: WaitlistEntry; seatIds: string[] }, cause: RecordedEvent): Promise<OfferOutcome> {
    const bookingId = offerBookingIdFor(entry.entryId);
    const now = this.clock.now();
    const context: CommandContext = {
      actorId: WAITLIST_ACTOR,
      correlationId: cause.metadata.correlationId,
      // One command per entry offered: the ids of what it appends are its own, also on a replay.
      causationId: deterministicEventId(cause.id, `waitlist-offer:${entry.entryId}`, 0),
      now,
    };
    try {
      await this.placement.place(
        { type: 'PlaceBooking', data: { bookingId, userId: entry.userId, showId, seatIds }, metadata: { now: now.toISOString() } },
        { state: Booking.initialState, revision: 'no_stream' },
        context,
        {
          alongside: {
            read: (streams) => readWaitlist(streams, showId),
            decide: (waitlist, placed) => ({
              [waitlistStream(showId)]: Waitlist.decide({ type: 'OfferSeats', data: { showId, entryId: entry.entryId, bookingId, seatIds, expiresAt: placed.expiresAt } }, waitlist.state),
            }),
          },
        },
      );
    } catch (error) {
      if (error instanceof SeatsBeingBooked) return 'seats_being_booked';
      if (!(error instanceof DomainError)) throw error;
      this.logger.log(`no offer to entry ${entry.entryId} of show ${showId} now: ${error.code}`);
      return 'passed';
    }
    const returnedSeats = this.reads.collection<ReturnedSeatDoc>(RETURNED_SEATS);
    for (const seatId of seatIds) await returnedSeats.deleteOne({ _id: `${showId} ${seatId}` });
    return 'offered';
  }

  /** An offer's booking ended: the entry is fulfilled (paid) or its offer expired. Other bookings: nothing. */
  private async settle(event: RecordedEvent, outcome: 'paid' | 'expired' | 'cancelled'): Promise<void> {
    const { bookingId } = event.data as BookingCancelled['data'];
    const offer = await this.reads.collection<OfferBooking>(OFFER_BOOKINGS).findOne({ _id: bookingId });
    if (!offer) return;
    const { showId } = offer;
    const context: CommandContext = { actorId: WAITLIST_ACTOR, correlationId: event.metadata.correlationId, causationId: event.id, now: this.clock.now() };
    await handleCommand(this.events, {
      context,
      attempts: 8,
      read: (streams) => readWaitlist(streams, showId),
      decide: (waitlist) => {
        const events = Waitlist.decide({ type: 'SettleOffer', data: { showId, bookingId, outcome } }, waitlist.state);
        return events.length === 0 ? { answer: undefined } : { append: { [waitlistStream(showId)]: events }, answer: () => undefined };
      },
    });
  }
}
