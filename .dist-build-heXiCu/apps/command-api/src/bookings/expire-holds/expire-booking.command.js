"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "ExpireBookingCommand", {
    enumerable: true,
    get: function() {
        return ExpireBookingCommand;
    }
});
const _cqrs = require("@nestjs/cqrs");
let ExpireBookingCommand = class ExpireBookingCommand extends _cqrs.Command {
    constructor(bookingId, now){
        super(), this.bookingId = bookingId, this.now = now;
    }
};

//# sourceMappingURL=expire-booking.command.js.map