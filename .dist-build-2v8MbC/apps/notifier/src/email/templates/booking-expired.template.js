"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "bookingExpiredEmail", {
    enumerable: true,
    get: function() {
        return bookingExpiredEmail;
    }
});
const _html = require("./html");
const _layout = require("./layout");
const bookingExpiredEmail = (data)=>(0, _layout.layout)({
        subject: `Your hold for ${data.show.name} has expired`,
        displayName: data.displayName,
        text: [
            `The hold on ${data.seats.join(', ')} at ${(0, _layout.showLine)(data.show)} ran out before payment; the seats are back on sale and nothing was charged.`
        ],
        html: (0, _html.html)`<p>The hold on ${data.seats.join(', ')} at <strong>${(0, _layout.showLine)(data.show)}</strong> ran out before payment; the seats are back on sale and nothing was charged.</p>`
    });

//# sourceMappingURL=booking-expired.template.js.map