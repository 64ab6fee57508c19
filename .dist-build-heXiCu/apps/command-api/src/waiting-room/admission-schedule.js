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
    get ADMISSION_CHECKPOINT () {
        return ADMISSION_CHECKPOINT;
    },
    get AdmissionSchedule () {
        return AdmissionSchedule;
    }
});
const _common = require("@nestjs/common");
const _contracts = require("../../../../libs/contracts/src");
const _platformmodule = require("../../../../libs/platform/src/platform.module");
const _subscriptions = require("../../../../libs/platform/src/subscriptions/subscriptions");
const _clock = require("../../../../libs/platform/src/time/clock");
const _logschedule = require("../schedules/log-schedule");
const _waitingrooms = require("./waiting-rooms");
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
function _ts_param(paramIndex, decorator) {
    return function(target, key) {
        decorator(target, key, paramIndex);
    };
}
const ADMISSION_CHECKPOINT = 'command-api.waiting-room-admissions';
let AdmissionSchedule = class AdmissionSchedule extends _logschedule.LogSchedule {
    constructor(subscriptions, rooms, clock, config){
        super(new _common.Logger('AdmissionSchedule'), {
            checkpoint: ADMISSION_CHECKPOINT,
            filter: {
                eventTypes: _contracts.WAITING_ROOM_EVENT_TYPES
            },
            sweepIntervalMs: config.WAITING_ROOM_TICK_MS
        }, subscriptions, clock), this.rooms = rooms;
    }
    track(event, recorded) {
        const { showId } = event.data;
        if (event.type === 'waiting_room.configured.v1') {
            // Due at the opening; a disabled room still gets one pass, which finds nothing to do.
            this.add(showId, {
                position: this.pending().get(showId)?.position ?? recorded.position,
                dueAt: Date.parse(event.data.opensAt)
            });
        } else {
            // A place taken (or admitted): a room not waiting here is looked at now, and one waiting keeps
            // its time. Replacing the entry also keeps it if a tick that read the room before this
            // place finds nobody waiting (the schedule drops only an entry left unchanged by its work).
            const waiting = this.pending().get(showId);
            this.add(showId, {
                position: waiting?.position ?? recorded.position,
                dueAt: waiting?.dueAt ?? Date.parse(recorded.recordedAt)
            });
        }
    }
    dueAt(entry) {
        return entry.dueAt;
    }
    async work(showId, now) {
        const next = await this.rooms.admit(showId, now);
        const entry = this.pending().get(showId);
        if (next !== null && entry) this.add(showId, {
            position: entry.position,
            dueAt: Date.parse(next)
        });
    }
};
AdmissionSchedule = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_param(3, (0, _platformmodule.InjectConfig)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _subscriptions.Subscriptions === "undefined" ? Object : _subscriptions.Subscriptions,
        typeof _waitingrooms.WaitingRooms === "undefined" ? Object : _waitingrooms.WaitingRooms,
        typeof _clock.Clock === "undefined" ? Object : _clock.Clock,
        typeof TesseraConfig === "undefined" ? Object : TesseraConfig
    ])
], AdmissionSchedule);

//# sourceMappingURL=admission-schedule.js.map