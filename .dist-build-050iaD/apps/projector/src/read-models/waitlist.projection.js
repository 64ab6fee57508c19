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
    get evolveWaitlistEntry () {
        return evolveWaitlistEntry;
    },
    get waitlistProjection () {
        return waitlistProjection;
    }
});
const _readmodels = require("../../../../libs/read-models/src");
const evolveWaitlistEntry = (doc, event, occurredAt)=>{
    switch(event.type){
        case 'waitlist.joined.v1':
            {
                const { entryId, showId, userId, categoryId, seats, number } = event.data;
                return {
                    _id: entryId,
                    entryId,
                    showId,
                    userId,
                    categoryId,
                    seats,
                    number,
                    status: 'waiting',
                    joinedAt: occurredAt
                };
            }
        case 'waitlist.offered.v1':
            return doc && {
                ...doc,
                status: 'offered',
                bookingId: event.data.bookingId,
                expiresAt: event.data.expiresAt
            };
        case 'waitlist.fulfilled.v1':
            return doc && {
                ...doc,
                status: 'fulfilled'
            };
        case 'waitlist.offer-expired.v1':
            return doc && {
                ...doc,
                status: 'expired'
            };
        case 'waitlist.left.v1':
            return doc && {
                ...doc,
                status: 'left'
            };
        default:
            {
                const _exhaustive = event;
                return doc;
            }
    }
};
const waitlistProjection = {
    ..._readmodels.waitlistDescriptor,
    async apply (event, docs) {
        const domainEvent = {
            type: event.type,
            data: event.data
        };
        await docs.evolve(_readmodels.WAITLIST_ENTRIES, domainEvent.data.entryId, event, (doc)=>evolveWaitlistEntry(doc, domainEvent, event.metadata.occurredAt));
    }
};

//# sourceMappingURL=waitlist.projection.js.map