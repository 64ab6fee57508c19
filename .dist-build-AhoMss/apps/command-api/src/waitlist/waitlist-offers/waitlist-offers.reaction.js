"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
function _export(target, all) {
    for(var name in all)Object.defineProperty(target, name, {
        enumerable: true,
        get: Object.getOwnPropertyDescriptor(all, name).get
    });
}
_export(exports, {
    get OFFER_BOOKINGS () {
        return OFFER_BOOKINGS;
    },
    get RETURNED_SEATS () {
        return RETURNED_SEATS;
    },
    get WAITLISTED_SHOWS () {
        return WAITLISTED_SHOWS;
    },
    get WAITLIST_OFFERS_CHECKPOINT () {
        return WAITLIST_OFFERS_CHECKPOINT;
    },
    get WaitlistOffersReaction () {
        return WaitlistOffersReaction;
    },
    get offerBookingIdFor () {
        return offerBookingIdFor;
    }
});
const _common = require("@nestjs/common");
const _promises = require("node:timers/promises");
const _contracts = require("../../../../../libs/contracts/src");
const _domain = require("../../../../../libs/domain/src");
const _eventsourcing = require("../../../../../libs/platform/src/commands/event-sourcing");
const _handlecommand = require("../../../../../libs/platform/src/commands/handle-command");
const _eventstoreport = require("../../../../../libs/platform/src/event-store/event-store.port");
const _readstoreport = require("../../../../../libs/platform/src/read-store/read-store.port");
const _subscriptions = require("../../../../../libs/platform/src/subscriptions/subscriptions");
const _clock = require("../../../../../libs/platform/src/time/clock");
const _boxofficestreams = require("../../bookings/box-office-streams");
const _bookingplacement = require("../../bookings/place-booking/booking-placement");
const _logreaction = require("../../reactions/log-reaction");
function _ts_decorate(decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") {
        r = Reflect.decorate(decorators, target, key, desc);
    } else {
        for(var i = decorators.length - 1; i >= 0; i--){
            if (d = decorators[i]) {
                r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
            }
        }
    }
    return c > 3 && r && Object.defineProperty(target, key, r), r;
}
function _ts_metadata(metadataKey, metadataValue) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") {
        return Reflect.metadata(metadataKey, metadataValue);
    }
}
const WAITLIST_OFFERS_CHECKPOINT = 'waitlist-offers';
const WAITLISTED_SHOWS = 'waitlist-offers.shows';
const RETURNED_SEATS = 'waitlist-offers.returned-seats';
const OFFER_BOOKINGS = 'waitlist-offers.bookings';
const EVENT_TYPES = [
    'waitlist.joined.v1',
    'waitlist.offered.v1',
    'seat.released.v1',
    'booking.confirmed.v1',
    'booking.expired.v1',
    'booking.cancelled.v1'
];
/** Rounds of matching after offers failed on seats someone was booking at that moment. */ const ROUNDS = 3;
const ROUND_PAUSE_MS = 50;
const offerBookingIdFor = (entryId)=>(0, _eventsourcing.deterministicEventId)(`waitlist-offer:${entryId}`, 'booking', 0);
let WaitlistOffersReaction = class WaitlistOffersReaction extends _logreaction.LogReaction {
    constructor(subscriptions, events, reads, placement, clock){
        super(subscriptions, WAITLIST_OFFERS_CHECKPOINT, EVENT_TYPES), this.events = events, this.reads = reads, this.placement = placement, this.clock = clock, this.logger = new _common.Logger('WaitlistOffers');
    }
    async handle(event) {
        switch(event.type){
            case 'waitlist.joined.v1':
                {
                    const { showId } = event.data;
                    await this.reads.collection(WAITLISTED_SHOWS).replaceOne({
                        _id: showId
                    }, {
                        _id: showId
                    }, {
                        upsert: true
                    });
                    await this.offer(showId, event);
                    return;
                }
            case 'waitlist.offered.v1':
                {
                    const { showId, bookingId } = event.data;
                    await this.reads.collection(OFFER_BOOKINGS).replaceOne({
                        _id: bookingId
                    }, {
                        _id: bookingId,
                        showId
                    }, {
                        upsert: true
                    });
                    return;
                }
            case 'seat.released.v1':
                {
                    const { showId, seatId, reason } = event.data;
                    // A cancelled show offers nothing; a show nobody waits for keeps no returned seats.
                    if (reason === 'show_cancelled' || !await this.reads.collection(WAITLISTED_SHOWS).findOne({
                        _id: showId
                    })) return;
                    const _id = `${showId} ${seatId}`;
                    await this.reads.collection(RETURNED_SEATS).replaceOne({
                        _id
                    }, {
                        _id,
                        showId,
                        seatId
                    }, {
                        upsert: true
                    });
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
    /** Offers the show's free returned seats to the first waiting entries that fit them. */ async offer(showId, cause) {
        for(let round = 1; round <= ROUNDS; round += 1){
            const matches = await this.matchesOf(showId);
            if (matches.length === 0) return;
            const outcomes = [];
            for (const match of matches)outcomes.push(await this.offerTo(showId, match, cause));
            if (!outcomes.includes('seats_being_booked')) return;
            await (0, _promises.setTimeout)(ROUND_PAUSE_MS);
        }
    }
    /** Which entries get which of the show's returned seats that are free now (those taken meanwhile are forgotten). */ async matchesOf(showId) {
        const returnedSeats = this.reads.collection(RETURNED_SEATS);
        const returned = await returnedSeats.find({
            showId
        }, {
            sort: {
                _id: 1
            }
        });
        if (returned.length === 0) return [];
        const streams = new _handlecommand.StreamReads(this.events);
        const [show, waitlist, seats] = await Promise.all([
            (0, _boxofficestreams.readShow)(streams, showId),
            (0, _boxofficestreams.readWaitlist)(streams, showId),
            (0, _boxofficestreams.readSeats)(streams, showId, returned.map((seat)=>seat.seatId))
        ]);
        if (!(0, _domain.isCreated)(show.state) || show.state.status !== 'on_sale') {
            await returnedSeats.deleteMany({
                showId
            });
            return [];
        }
        const now = this.clock.now().toISOString();
        const free = [];
        for (const { _id, seatId } of returned){
            const seat = (0, _domain.seatOf)(show.state, seatId);
            if (seat && _domain.Seat.isFreeAt(seats[seatId], now)) free.push({
                seatId,
                categoryId: seat.categoryId
            });
            else await returnedSeats.deleteOne({
                _id
            });
        }
        return (0, _domain.matchOffers)(waitlist.state, free);
    }
    /**
   * One offer: the entry's hold and its `waitlist.offered.v1` in one append. A refusal (the seats
   * were taken, the entry is no longer waiting, the fan is at the show's per-account limit)
   * offers nothing to this entry now; it keeps its place.
   */ async offerTo(showId, { entry, seatIds }, cause) {
        const bookingId = offerBookingIdFor(entry.entryId);
        const now = this.clock.now();
        const context = {
            actorId: _contracts.WAITLIST_ACTOR,
            correlationId: cause.metadata.correlationId,
            // One command per entry offered: the ids of what it appends are its own, also on a replay.
            causationId: (0, _eventsourcing.deterministicEventId)(cause.id, `waitlist-offer:${entry.entryId}`, 0),
            now
        };
        try {
            await this.placement.place({
                type: 'PlaceBooking',
                data: {
                    bookingId,
                    userId: entry.userId,
                    showId,
                    seatIds
                },
                metadata: {
                    now: now.toISOString()
                }
            }, {
                state: _domain.Booking.initialState,
                revision: 'no_stream'
            }, context, {
                read: (streams)=>(0, _boxofficestreams.readWaitlist)(streams, showId),
                decide: (waitlist, placed)=>({
                        [(0, _contracts.waitlistStream)(showId)]: _domain.Waitlist.decide({
                            type: 'OfferSeats',
                            data: {
                                showId,
                                entryId: entry.entryId,
                                bookingId,
                                seatIds,
                                expiresAt: placed.expiresAt
                            }
                        }, waitlist.state)
                    })
            });
        } catch (error) {
            if (error instanceof _bookingplacement.SeatsBeingBooked) return 'seats_being_booked';
            if (!(error instanceof _domain.DomainError)) throw error;
            this.logger.log(`no offer to entry ${entry.entryId} of show ${showId} now: ${error.code}`);
            return 'passed';
        }
        const returnedSeats = this.reads.collection(RETURNED_SEATS);
        for (const seatId of seatIds)await returnedSeats.deleteOne({
            _id: `${showId} ${seatId}`
        });
        return 'offered';
    }
    /** An offer's booking ended: the entry is fulfilled (paid) or its offer expired. Other bookings: nothing. */ async settle(event, outcome) {
        const { bookingId } = event.data;
        const offer = await this.reads.collection(OFFER_BOOKINGS).findOne({
            _id: bookingId
        });
        if (!offer) return;
        const { showId } = offer;
        const context = {
            actorId: _contracts.WAITLIST_ACTOR,
            correlationId: event.metadata.correlationId,
            causationId: event.id,
            now: this.clock.now()
        };
        await (0, _handlecommand.handleCommand)(this.events, {
            context,
            attempts: 8,
            read: (streams)=>(0, _boxofficestreams.readWaitlist)(streams, showId),
            decide: (waitlist)=>{
                const events = _domain.Waitlist.decide({
                    type: 'SettleOffer',
                    data: {
                        showId,
                        bookingId,
                        outcome
                    }
                }, waitlist.state);
                return events.length === 0 ? {
                    answer: undefined
                } : {
                    append: {
                        [(0, _contracts.waitlistStream)(showId)]: events
                    },
                    answer: ()=>undefined
                };
            }
        });
    }
};
WaitlistOffersReaction = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _subscriptions.Subscriptions === "undefined" ? Object : _subscriptions.Subscriptions,
        typeof _eventstoreport.EventStore === "undefined" ? Object : _eventstoreport.EventStore,
        typeof _readstoreport.ReadStore === "undefined" ? Object : _readstoreport.ReadStore,
        typeof _bookingplacement.BookingPlacement === "undefined" ? Object : _bookingplacement.BookingPlacement,
        typeof _clock.Clock === "undefined" ? Object : _clock.Clock
    ])
], WaitlistOffersReaction);

//# sourceMappingURL=waitlist-offers.reaction.js.map