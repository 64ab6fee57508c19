"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "SettleBookingCommand", {
    enumerable: true,
    get: function() {
        return SettleBookingCommand;
    }
});
const _cqrs = require("@nestjs/cqrs");
let SettleBookingCommand = class SettleBookingCommand extends _cqrs.Command {
    constructor(bookingId){
        super(), this.bookingId = bookingId;
    }
};

//# sourceMappingURL=settle-booking.command.js.map