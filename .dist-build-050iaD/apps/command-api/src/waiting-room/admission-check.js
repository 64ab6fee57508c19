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
    get admissionEvents () {
        return admissionEvents;
    },
    get readAdmission () {
        return readAdmission;
    }
});
const _contracts = require("../../../../libs/contracts/src");
const _domain = require("../../../../libs/domain/src");
const _boxofficestreams = require("../bookings/box-office-streams");
/**
 * The waiting room's part of placing a booking (ARCHITECTURE §6): reads what the admission rule
 * needs (the room from memory; with a token, the place's `admission-{showId}-{queueId}` stream
 * and the bookings placed with it, to tell whether one is paid) and lets the decider judge. The
 * admission stream is read through the command's StreamReads, so the booking's `admission.used.v1`
 * is appended at the revision read: two bookings with one token are decided one after the other.
 */ const ADMISSION_MODEL = {
    initialState: [],
    evolve: (ids, event)=>event.type === 'admission.used.v1' ? [
            ...ids,
            event.data.bookingId
        ] : ids
};
const readAdmission = async (streams, rooms, { showId, userId, bookingId }, { claims })=>{
    const room = await rooms.view(showId);
    let spent = false;
    if (_domain.WaitingRoom.isOpenRoom(room.state) && claims && claims.showId === showId && claims.userId === userId) {
        const used = await streams.read((0, _contracts.admissionStream)(showId, claims.queueId), ADMISSION_MODEL);
        const bookings = await Promise.all(used.state.filter((id)=>id !== bookingId).map(async (id)=>(await (0, _boxofficestreams.readBooking)(streams, id)).state));
        // Paid: confirmed, or refunded after it was (a cancel after payment refunds).
        spent = bookings.some((booking)=>booking.status === 'confirmed' || booking.status === 'refunded');
    }
    return {
        room: room.state,
        spent,
        claims
    };
};
const admissionEvents = ({ room, spent, claims }, { showId, userId, bookingId, now })=>{
    const queueId = (0, _domain.requireAdmission)({
        room,
        admission: claims,
        spent,
        showId,
        userId,
        now: now.toISOString()
    });
    if (queueId === undefined) return {};
    return {
        [(0, _contracts.admissionStream)(showId, queueId)]: [
            {
                type: 'admission.used.v1',
                data: {
                    showId,
                    queueId,
                    bookingId
                }
            }
        ]
    };
};

//# sourceMappingURL=admission-check.js.map