"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "NotificationFacts", {
    enumerable: true,
    get: function() {
        return NotificationFacts;
    }
});
const _common = require("@nestjs/common");
const _contracts = require("../../../../libs/contracts/src");
const _eventstoreport = require("../../../../libs/platform/src/event-store/event-store.port");
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
/**
 * Keeps the newest `size` entries: what a notifier looks up comes in bursts about the same shows and
 * people. Only what was found goes in (a booking not placed yet may be soon).
 */ let Recent = class Recent {
    constructor(size){
        this.size = size;
        this.entries = new Map();
    }
    get(key) {
        return this.entries.get(key);
    }
    set(key, value) {
        if (this.entries.size >= this.size) this.entries.delete(this.entries.keys().next().value);
        this.entries.set(key, value);
        return value;
    }
};
let NotificationFacts = class NotificationFacts {
    constructor(events){
        this.events = events;
        this.recipients = new Recent(10_000);
        this.shows = new Recent(1_000);
        this.bookings = new Recent(10_000);
        this.incidents = new Recent(10_000);
    }
    async recipient(userId) {
        const known = this.recipients.get(userId);
        if (known !== undefined) return known;
        const [first] = await this.events.readStream((0, _contracts.accountStream)(userId), {
            maxCount: 1
        });
        if (first?.type !== 'account.registered.v1') return null; // not (yet) an account: nobody to write to
        const { email, displayName } = first.data;
        return this.recipients.set(userId, {
            userId,
            email,
            displayName
        });
    }
    async show(showId) {
        const known = this.shows.get(showId);
        if (known !== undefined) return known;
        const [first] = await this.events.readStream((0, _contracts.showStream)(showId), {
            maxCount: 1
        });
        if (first?.type !== 'show.created.v1') return null;
        const { name, venue, startsAt } = first.data;
        return this.shows.set(showId, {
            name,
            venue,
            startsAt
        });
    }
    /** The placement of a booking: its user and seats (a booking's first event is its request or its placement). */ async booking(bookingId) {
        const known = this.bookings.get(bookingId);
        if (known !== undefined) return known;
        const events = await this.events.readStream((0, _contracts.bookingStream)(bookingId), {
            maxCount: 2
        });
        const placed = events.find((event)=>event.type === 'booking.placed.v1');
        if (!placed) return null;
        const { userId, showId, seats, amount, currency } = placed.data;
        return this.bookings.set(bookingId, {
            userId,
            showId,
            seatIds: seats.map((seat)=>seat.seatId),
            amount,
            currency
        });
    }
    /** An incident as its report names it (its title never changes). */ async incident(incidentId) {
        const known = this.incidents.get(incidentId);
        if (known !== undefined) return known;
        const [first] = await this.events.readStream((0, _contracts.incidentStream)(incidentId), {
            maxCount: 1
        });
        if (first?.type !== 'incident.reported.v1') return null;
        return this.incidents.set(incidentId, {
            title: first.data.title
        });
    }
    /** The ticket's seat, show, booking and its owner now. */ async ticket(ticketId) {
        const events = await this.events.readStream((0, _contracts.ticketStream)(ticketId));
        const issued = events.find((event)=>event.type === 'ticket.issued.v1');
        if (!issued) return null;
        const { seatId, showId, bookingId, ownerId } = issued.data;
        let owner = ownerId;
        for (const event of events)if (event.type === 'ticket.transferred.v1') owner = event.data.toOwnerId;
        return {
            seatId,
            showId,
            bookingId,
            ownerId: owner
        };
    }
};
NotificationFacts = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _eventstoreport.EventStore === "undefined" ? Object : _eventstoreport.EventStore
    ])
], NotificationFacts);

//# sourceMappingURL=facts.js.map