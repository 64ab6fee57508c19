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
    get ADMISSION_EVENT_TYPES () {
        return ADMISSION_EVENT_TYPES;
    },
    get WAITING_ROOM_EVENT_TYPES () {
        return WAITING_ROOM_EVENT_TYPES;
    },
    get admissionStream () {
        return admissionStream;
    },
    get queueStream () {
        return queueStream;
    }
});
const WAITING_ROOM_EVENT_TYPES = [
    'waiting_room.configured.v1',
    'waiting_room.joined.v1',
    'waiting_room.admitted.v1'
];
const ADMISSION_EVENT_TYPES = [
    'admission.used.v1'
];
const queueStream = (showId)=>`queue-${showId}`;
const admissionStream = (showId, queueId)=>`admission-${showId}-${queueId}`;

//# sourceMappingURL=waiting-room.events.js.map