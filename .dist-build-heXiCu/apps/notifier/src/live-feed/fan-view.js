"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "fanAudienceOf", {
    enumerable: true,
    get: function() {
        return fanAudienceOf;
    }
});
const STAFF_ONLY = {
    kind: 'staff-only'
};
const ownedBy = (userId, data)=>userId === undefined ? STAFF_ONLY : {
        kind: 'owners',
        views: [
            [
                userId,
                data
            ]
        ]
    };
const fanAudienceOf = async (event, owners)=>{
    const family = event.type.slice(0, event.type.indexOf('.'));
    switch(family){
        case 'seat':
            {
                const { data } = event;
                return {
                    kind: 'every-fan',
                    data: {
                        showId: data.showId,
                        seatId: data.seatId
                    }
                };
            }
        case 'booking':
            {
                const booking = event;
                const named = 'userId' in booking.data ? booking.data.userId : undefined;
                return ownedBy(named ?? await owners.bookingOwner(booking.data.bookingId), event.data);
            }
        case 'ticket':
            {
                const ticket = event;
                switch(ticket.type){
                    case 'ticket.issued.v1':
                        return ownedBy(ticket.data.ownerId, event.data);
                    case 'ticket.transferred.v1':
                        {
                            const { ticketId, version, fromOwnerId, toOwnerId } = ticket.data;
                            return {
                                kind: 'owners',
                                views: [
                                    [
                                        fromOwnerId,
                                        {
                                            ticketId,
                                            version,
                                            direction: 'out'
                                        }
                                    ],
                                    [
                                        toOwnerId,
                                        {
                                            ticketId,
                                            version,
                                            direction: 'in'
                                        }
                                    ]
                                ]
                            };
                        }
                    case 'ticket.checked-in.v1':
                        {
                            const { byStaffId: _staff, ...seen } = ticket.data;
                            return ownedBy(await owners.ticketOwnerAt(ticket.data.ticketId, event.revision), seen);
                        }
                    case 'ticket.voided.v1':
                        return ownedBy(await owners.ticketOwnerAt(ticket.data.ticketId, event.revision), event.data);
                    default:
                        return STAFF_ONLY;
                }
            }
        case 'waitlist':
            {
                const { data } = event;
                return ownedBy(data.userId, event.data);
            }
        case 'incident':
            return incidentAudience(event);
        case 'waiting_room':
            return waitingRoomAudience(event);
        default:
            return STAFF_ONLY;
    }
};
/** A fan's own place; every admission, which moves every place of the show. The configuration (with its seed) is staff only. */ const waitingRoomAudience = (room)=>{
    switch(room.type){
        case 'waiting_room.joined.v1':
            {
                const { showId, queueId, userId, early } = room.data;
                return ownedBy(userId, {
                    showId,
                    queueId,
                    early
                });
            }
        case 'waiting_room.admitted.v1':
            {
                const { showId, count, through } = room.data;
                return {
                    kind: 'every-fan',
                    data: {
                        showId,
                        count,
                        through
                    }
                };
            }
        default:
            return STAFF_ONLY;
    }
};
/** The reporter's view of an event about their incident, or staff only. */ const incidentAudience = (incident)=>{
    const reporter = incident.data.reporterId;
    if (typeof reporter !== 'string' || reporter.startsWith('device:')) return STAFF_ONLY;
    switch(incident.type){
        case 'incident.reported.v1':
            return ownedBy(reporter, incident.data);
        case 'incident.status_changed.v1':
        case 'incident.reprioritized.v1':
        case 'incident.severity_set.v1':
            {
                const { by: _staff, ...seen } = incident.data;
                return ownedBy(reporter, seen);
            }
        case 'incident.sla_breached.v1':
            return ownedBy(reporter, incident.data);
        default:
            // incident.assigned.v1 (names a staff member) and incident.note_added.v1 (staff notes).
            return STAFF_ONLY;
    }
};

//# sourceMappingURL=fan-view.js.map