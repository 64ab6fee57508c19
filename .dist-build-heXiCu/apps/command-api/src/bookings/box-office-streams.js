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
    get bookingIdFromPath () {
        return bookingIdFromPath;
    },
    get ownBooking () {
        return ownBooking;
    },
    get positionOfAppend () {
        return positionOfAppend;
    },
    get readBooking () {
        return readBooking;
    },
    get readEarlierBookings () {
        return readEarlierBookings;
    },
    get readSeats () {
        return readSeats;
    },
    get readShow () {
        return readShow;
    },
    get readTickets () {
        return readTickets;
    },
    get readVoucher () {
        return readVoucher;
    },
    get readWaitlist () {
        return readWaitlist;
    },
    get seatIdOfStream () {
        return seatIdOfStream;
    },
    get streamsOf () {
        return streamsOf;
    }
});
const _contracts = require("../../../../libs/contracts/src");
const _domain = require("../../../../libs/domain/src");
const _streamstatecache = require("../../../../libs/platform/src/commands/stream-state-cache");
/**
 * Reading the streams a box-office decision spans (through the command's StreamReads, which
 * remembers each revision read), and naming the streams a decision writes to: handleCommand
 * appends them in one atomic multi-stream append, each at the revision it was read at. The
 * revisions are the fencing tokens, so the append fails if anything moved in between.
 */ /** Shows' folded seat maps, per store (tests run several stores in one process). */ const showStates = new WeakMap();
const SHOW_STATES_CACHED = 1000;
const readShow = (streams, showId)=>{
    let cache = showStates.get(streams.store);
    if (!cache) showStates.set(streams.store, cache = new _streamstatecache.StreamStateCache(SHOW_STATES_CACHED));
    return streams.read((0, _contracts.showStream)(showId), _domain.Show.showDecider, cache);
};
const readBooking = (streams, bookingId)=>streams.read((0, _contracts.bookingStream)(bookingId), _domain.Booking.bookingDecider);
const readMany = async (streams, ids, streamOf, model)=>{
    const loaded = await Promise.all(ids.map((id)=>streams.read(streamOf(id), model)));
    return Object.fromEntries(ids.map((id, i)=>[
            id,
            loaded[i].state
        ]));
};
const readVoucher = (streams, showId, code)=>streams.read((0, _contracts.voucherStream)(showId, code), _domain.Voucher.voucherDecider);
const readEarlierBookings = async (streams, showId, userId)=>{
    const buyer = await streams.read((0, _contracts.buyerStream)(showId, userId), BUYER_MODEL);
    return Promise.all(buyer.state.map(async (bookingId)=>(await readBooking(streams, bookingId)).state));
};
/** The booking ids of a buyer stream, oldest first. */ const BUYER_MODEL = {
    initialState: [],
    evolve: (ids, event)=>event.type === 'buyer.booking-placed.v1' ? [
            ...ids,
            event.data.bookingId
        ] : ids
};
const readSeats = (streams, showId, seatIds)=>readMany(streams, seatIds, (seatId)=>(0, _contracts.seatStream)(showId, seatId), _domain.Seat.seatDecider);
const readTickets = (streams, ticketIds)=>readMany(streams, ticketIds, _contracts.ticketStream, _domain.Ticket.ticketDecider);
const streamsOf = (decision, { showId, bookingId })=>{
    const streams = {};
    if (decision.booking?.length) streams[(0, _contracts.bookingStream)(bookingId)] = decision.booking;
    for (const [seatId, events] of Object.entries(decision.seats ?? {}))streams[(0, _contracts.seatStream)(showId, seatId)] = events;
    for (const [ticketId, events] of Object.entries(decision.tickets ?? {}))streams[(0, _contracts.ticketStream)(ticketId)] = events;
    if (decision.voucher?.events.length) streams[(0, _contracts.voucherStream)(showId, decision.voucher.code)] = decision.voucher.events;
    for (const event of decision.buyer ?? [])(streams[(0, _contracts.buyerStream)(showId, event.data.userId)] ??= []).push(event);
    return streams;
};
const seatIdOfStream = (showId, stream)=>{
    const prefix = (0, _contracts.seatStream)(showId, '');
    return stream.startsWith(prefix) ? stream.slice(prefix.length) : undefined;
};
const bookingIdFromPath = (bookingId)=>{
    if (!_contracts.ENTITY_ID_PATTERN.test(bookingId)) throw new _domain.DomainError('BOOKING_NOT_FOUND', 'no such booking', {});
    return bookingId;
};
const ownBooking = (booking, bookingId, userId)=>{
    if (booking.status === 'none' || booking.userId !== userId) {
        throw new _domain.DomainError('BOOKING_NOT_FOUND', `booking ${bookingId} does not exist`, {
            bookingId
        });
    }
    return booking;
};
const positionOfAppend = async (store, otherStreams, first)=>{
    const streams = await Promise.all(otherStreams.map((stream)=>store.readStream(stream)));
    return streams.flat().filter((event)=>event.metadata.causationId === first.metadata.causationId).reduce((max, event)=>Math.max(max, event.position), first.position);
};
const readWaitlist = (streams, showId)=>streams.read((0, _contracts.waitlistStream)(showId), _domain.Waitlist.waitlistDecider);

//# sourceMappingURL=box-office-streams.js.map