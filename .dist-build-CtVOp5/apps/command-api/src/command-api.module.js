"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "CommandApiModule", {
    enumerable: true,
    get: function() {
        return CommandApiModule;
    }
});
const _common = require("@nestjs/common");
const _cqrs = require("@nestjs/cqrs");
const _accountsmodule = require("./accounts/accounts.module");
const _bookingsmodule = require("./bookings/bookings.module");
const _incidentsmodule = require("./incidents/incidents.module");
const _devicesmodule = require("./devices/devices.module");
const _cancelshowmodule = require("./shows/cancel-show/cancel-show.module");
const _showsmodule = require("./shows/shows.module");
const _vouchersmodule = require("./vouchers/vouchers.module");
const _ticketsmodule = require("./tickets/tickets.module");
const _waitingroommodule = require("./waiting-room/waiting-room.module");
const _waitlistmodule = require("./waitlist/waitlist.module");
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
let CommandApiModule = class CommandApiModule {
};
CommandApiModule = _ts_decorate([
    (0, _common.Module)({
        imports: [
            _cqrs.CqrsModule,
            _accountsmodule.AccountsModule,
            _ticketsmodule.TicketsModule,
            _cancelshowmodule.CancelShowModule,
            _showsmodule.ShowsModule,
            _bookingsmodule.BookingsModule,
            _incidentsmodule.IncidentsModule,
            _devicesmodule.DevicesModule,
            _vouchersmodule.VouchersModule,
            _waitlistmodule.WaitlistModule,
            _waitingroommodule.WaitingRoomModule
        ]
    })
], CommandApiModule);

//# sourceMappingURL=command-api.module.js.map