"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "CancelBookingCommand", {
    enumerable: true,
    get: function() {
        return CancelBookingCommand;
    }
});
const _cqrs = require("@nestjs/cqrs");
let CancelBookingCommand = class CancelBookingCommand extends _cqrs.Command {
    constructor(bookingId, userId, context){
        super(), this.bookingId = bookingId, this.userId = userId, this.context = context;
    }
};

//# sourceMappingURL=cancel-booking.command.js.map