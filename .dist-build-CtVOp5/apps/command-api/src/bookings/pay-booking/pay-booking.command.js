"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "PayBookingCommand", {
    enumerable: true,
    get: function() {
        return PayBookingCommand;
    }
});
const _cqrs = require("@nestjs/cqrs");
let PayBookingCommand = class PayBookingCommand extends _cqrs.Command {
    constructor(bookingId, userId, card, context){
        super(), this.bookingId = bookingId, this.userId = userId, this.card = card, this.context = context;
    }
};

//# sourceMappingURL=pay-booking.command.js.map