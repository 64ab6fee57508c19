"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "WaitingRoomModule", {
    enumerable: true,
    get: function() {
        return WaitingRoomModule;
    }
});
const _common = require("@nestjs/common");
const _cqrs = require("@nestjs/cqrs");
const _admissionschedule = require("./admission-schedule");
const _configurewaitingroomhandler = require("./configure-waiting-room/configure-waiting-room.handler");
const _configurewaitingroomhttpcontroller = require("./configure-waiting-room/configure-waiting-room.http.controller");
const _joinqueuehttpcontroller = require("./join-queue/join-queue.http.controller");
const _queueplacehttpcontroller = require("./queue-place/queue-place.http.controller");
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
let WaitingRoomModule = class WaitingRoomModule {
};
WaitingRoomModule = _ts_decorate([
    (0, _common.Module)({
        imports: [
            _cqrs.CqrsModule
        ],
        controllers: [
            _configurewaitingroomhttpcontroller.ConfigureWaitingRoomHttpController,
            _joinqueuehttpcontroller.JoinQueueHttpController,
            _queueplacehttpcontroller.QueuePlaceHttpController
        ],
        providers: [
            _waitingrooms.WaitingRooms,
            _configurewaitingroomhandler.ConfigureWaitingRoomHandler,
            _admissionschedule.AdmissionSchedule
        ],
        exports: [
            _waitingrooms.WaitingRooms
        ]
    })
], WaitingRoomModule);

//# sourceMappingURL=waiting-room.module.js.map