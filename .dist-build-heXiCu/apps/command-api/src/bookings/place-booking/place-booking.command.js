"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "PlaceBookingCommand", {
    enumerable: true,
    get: function() {
        return PlaceBookingCommand;
    }
});
const _cqrs = require("@nestjs/cqrs");
let PlaceBookingCommand = class PlaceBookingCommand extends _cqrs.Command {
    constructor(bookingId, userId, showId, seatIds, context, respondAsync = false, /** Normalised (upper case); undefined without a voucher. */ voucherCode, /** The `X-Admission-Token` header as sent (a show's open waiting room requires it). */ admissionToken){
        super(), this.bookingId = bookingId, this.userId = userId, this.showId = showId, this.seatIds = seatIds, this.context = context, this.respondAsync = respondAsync, this.voucherCode = voucherCode, this.admissionToken = admissionToken;
    }
};

//# sourceMappingURL=place-booking.command.js.map