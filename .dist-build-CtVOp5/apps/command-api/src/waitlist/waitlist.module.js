"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "WaitlistModule", {
    enumerable: true,
    get: function() {
        return WaitlistModule;
    }
});
const _common = require("@nestjs/common");
const _cqrs = require("@nestjs/cqrs");
const _bookingsmodule = require("../bookings/bookings.module");
const _joinwaitlisthandler = require("./join-waitlist/join-waitlist.handler");
const _joinwaitlisthttpcontroller = require("./join-waitlist/join-waitlist.http.controller");
const _leavewaitlisthandler = require("./leave-waitlist/leave-waitlist.handler");
const _leavewaitlisthttpcontroller = require("./leave-waitlist/leave-waitlist.http.controller");
const _waitlistoffersreaction = require("./waitlist-offers/waitlist-offers.reaction");
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
let WaitlistModule = class WaitlistModule {
};
WaitlistModule = _ts_decorate([
    (0, _common.Module)({
        imports: [
            _cqrs.CqrsModule,
            _bookingsmodule.BookingsModule
        ],
        controllers: [
            _joinwaitlisthttpcontroller.JoinWaitlistHttpController,
            _leavewaitlisthttpcontroller.LeaveWaitlistHttpController
        ],
        providers: [
            _joinwaitlisthandler.JoinWaitlistHandler,
            _leavewaitlisthandler.LeaveWaitlistHandler,
            _waitlistoffersreaction.WaitlistOffersReaction
        ],
        exports: [
            _waitlistoffersreaction.WaitlistOffersReaction
        ]
    })
], WaitlistModule);

//# sourceMappingURL=waitlist.module.js.map