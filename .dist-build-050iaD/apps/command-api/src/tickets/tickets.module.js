"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "TicketsModule", {
    enumerable: true,
    get: function() {
        return TicketsModule;
    }
});
const _common = require("@nestjs/common");
const _cqrs = require("@nestjs/cqrs");
const _checkinhttpcontroller = require("./check-in/check-in.http.controller");
const _checkinhandler = require("./check-in/check-in.handler");
const _transfertickethttpcontroller = require("./transfer-ticket/transfer-ticket.http.controller");
const _transfertickethandler = require("./transfer-ticket/transfer-ticket.handler");
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
let TicketsModule = class TicketsModule {
};
TicketsModule = _ts_decorate([
    (0, _common.Module)({
        imports: [
            _cqrs.CqrsModule
        ],
        controllers: [
            _transfertickethttpcontroller.TransferTicketController,
            _checkinhttpcontroller.CheckInController
        ],
        providers: [
            _transfertickethandler.TransferTicketHandler,
            _checkinhandler.CheckInHandler
        ]
    })
], TicketsModule);

//# sourceMappingURL=tickets.module.js.map