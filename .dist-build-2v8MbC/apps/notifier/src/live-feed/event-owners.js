"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "EventOwners", {
    enumerable: true,
    get: function() {
        return EventOwners;
    }
});
const _contracts = require("../../../../libs/contracts/src");
/**
 * Who owns a booking or a ticket, answered from the log (not from a read model, which may lag
 * behind the event being sent). A booking's owner is named by its first event and never changes;
 * a ticket's owner is kept per revision of its stream (transfers move it). Both are cached and
 * learnt from the live events as they pass, so the live path reads the log only for a booking or
 * ticket older than the process. Bounded: the oldest entries go first.
 */ const CAPACITY = 100_000;
const remember = (map, key, value)=>{
    if (map.size >= CAPACITY && !map.has(key)) map.delete(map.keys().next().value);
    map.set(key, value);
};
const ownerAfter = (owner, event)=>{
    const ticket = event;
    if (ticket.type === 'ticket.issued.v1') return ticket.data.ownerId;
    if (ticket.type === 'ticket.transferred.v1') return ticket.data.toOwnerId;
    return owner;
};
let EventOwners = class EventOwners {
    constructor(events){
        this.events = events;
        this.bookings = new Map();
        /** Ticket id → its owner after each revision of its stream (index = revision). */ this.tickets = new Map();
    }
    /** Takes in what a live event says about ownership, without reading the log. */ learn(event) {
        if (event.stream.startsWith('booking-')) {
            const userId = event.data.userId;
            const bookingId = event.data.bookingId;
            if (typeof userId === 'string' && typeof bookingId === 'string') remember(this.bookings, bookingId, userId);
        } else if (event.stream.startsWith('ticket-')) {
            const ticketId = event.data.ticketId;
            if (typeof ticketId !== 'string') return;
            const known = this.tickets.get(ticketId) ?? (event.revision === 0 ? [] : undefined);
            // Only the next revision extends what is known; anything else is read from the log when asked.
            if (known && known.length === event.revision) remember(this.tickets, ticketId, [
                ...known,
                ownerAfter(known.at(-1), event)
            ]);
        }
    }
    async bookingOwner(bookingId) {
        const known = this.bookings.get(bookingId);
        if (known !== undefined) return known;
        const [first] = await this.events.readStream((0, _contracts.bookingStream)(bookingId), {
            maxCount: 1
        });
        const userId = first?.data?.userId;
        if (typeof userId !== 'string') return undefined;
        remember(this.bookings, bookingId, userId);
        return userId;
    }
    async ticketOwnerAt(ticketId, revision) {
        let owners = this.tickets.get(ticketId) ?? [];
        if (owners.length <= revision) {
            const more = await this.events.readStream((0, _contracts.ticketStream)(ticketId), {
                fromRevision: owners.length
            });
            const grown = [
                ...owners
            ];
            for (const event of more)if (event.revision === grown.length) grown.push(ownerAfter(grown.at(-1), event));
            owners = grown;
            remember(this.tickets, ticketId, owners);
        }
        return owners[revision];
    }
};

//# sourceMappingURL=event-owners.js.map