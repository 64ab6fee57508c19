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
    get counted () {
        return counted;
    },
    get evolveUserAccount () {
        return evolveUserAccount;
    },
    get lowerForSearch () {
        return lowerForSearch;
    },
    get usersProjection () {
        return usersProjection;
    }
});
const _readmodels = require("../../../../libs/read-models/src");
const lowerForSearch = (text)=>text.normalize('NFC').toLowerCase();
const evolveUserAccount = (doc, event, position, at)=>{
    if (event.type === 'account.registered.v1') {
        const { userId, email, displayName, roles } = event.data;
        // Never the password hash.
        return {
            _id: userId,
            userId,
            email,
            displayName,
            displayNameLower: lowerForSearch(displayName),
            roles,
            createdAt: at,
            registeredPosition: position,
            bookingsCount: doc?.bookingsCount ?? 0,
            ticketsCount: doc?.ticketsCount ?? 0
        };
    }
    return doc && {
        ...doc,
        roles: event.data.roles
    };
};
const counted = (doc, counter, by)=>doc && {
        ...doc,
        [counter]: Math.max(0, doc[counter] + by)
    };
const occurredAt = (event)=>event.metadata?.occurredAt ?? event.recordedAt;
const usersProjection = {
    ..._readmodels.usersDescriptor,
    async apply (event, docs) {
        const domainEvent = {
            type: event.type,
            data: event.data
        };
        const count = async (userId, counter, by)=>{
            await docs.evolve(_readmodels.USERS, userId, event, (doc)=>counted(doc, counter, by));
        };
        switch(domainEvent.type){
            case 'account.registered.v1':
            case 'account.roles-changed.v1':
                {
                    // A role change names no user: its stream does (`account-{userId}`).
                    const userId = domainEvent.type === 'account.registered.v1' ? domainEvent.data.userId : event.stream.slice('account-'.length);
                    await docs.evolve(_readmodels.USERS, userId, event, (doc)=>evolveUserAccount(doc, domainEvent, event.position, occurredAt(event)));
                    return;
                }
            case 'booking.placed.v1':
                await count(domainEvent.data.userId, 'bookingsCount', 1);
                return;
            case 'ticket.issued.v1':
                {
                    const { ticketId, ownerId } = domainEvent.data;
                    await docs.evolve(_readmodels.TICKET_HOLDERS, ticketId, event, ()=>({
                            _id: ticketId,
                            ownerId,
                            held: true
                        }));
                    await count(ownerId, 'ticketsCount', 1);
                    return;
                }
            case 'ticket.transferred.v1':
                {
                    const { ticketId, fromOwnerId, toOwnerId } = domainEvent.data;
                    await docs.evolve(_readmodels.TICKET_HOLDERS, ticketId, event, (holder)=>holder && {
                            ...holder,
                            ownerId: toOwnerId
                        });
                    if (fromOwnerId === toOwnerId) return;
                    await count(fromOwnerId, 'ticketsCount', -1);
                    await count(toOwnerId, 'ticketsCount', 1);
                    return;
                }
            case 'ticket.voided.v1':
                {
                    // The void names no owner: the holder document does. Read whatever its `_position` (a
                    // replay after a crash finds it already voided, with the same owner); the user's own
                    // guard decides whether this event has been counted.
                    const holder = await docs.get(_readmodels.TICKET_HOLDERS, domainEvent.data.ticketId);
                    if (!holder) return;
                    const wasHeld = holder.held || holder._position >= event.position;
                    await docs.evolve(_readmodels.TICKET_HOLDERS, holder._id, event, (doc)=>doc && {
                            ...doc,
                            held: false
                        });
                    if (wasHeld) await count(holder.ownerId, 'ticketsCount', -1);
                    return;
                }
            default:
                {
                    const _exhaustive = domainEvent;
                    return;
                }
        }
    }
};

//# sourceMappingURL=users.projection.js.map