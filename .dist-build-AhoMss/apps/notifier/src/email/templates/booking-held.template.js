"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "bookingHeldEmail", {
    enumerable: true,
    get: function() {
        return bookingHeldEmail;
    }
});
const _format = require("./format");
const _html = require("./html");
const _layout = require("./layout");
const bookingHeldEmail = (data)=>{
    const total = (0, _format.formatMoney)(data.amount, data.currency);
    const until = (0, _format.formatTime)(data.expiresAt);
    return (0, _layout.layout)({
        subject: `Your seats for ${data.show.name} are held until ${until}`,
        displayName: data.displayName,
        text: [
            `We are holding ${data.seats.length === 1 ? 'a seat' : `${data.seats.length} seats`} for you at ${(0, _layout.showLine)(data.show)} on ${(0, _format.formatTime)(data.show.startsAt)}.`,
            `Seats: ${data.seats.join(', ')}`,
            `Total: ${total}`,
            `Pay before ${until}; after that the seats go back on sale.`
        ],
        html: (0, _html.html)`<p>We are holding ${data.seats.length === 1 ? 'a seat' : `${data.seats.length} seats`} for you at <strong>${(0, _layout.showLine)(data.show)}</strong> on ${(0, _format.formatTime)(data.show.startsAt)}.</p>
<p>Seats: ${data.seats.join(', ')}<br>Total: ${total}</p>
<p>Pay before <strong>${until}</strong>; after that the seats go back on sale.</p>`
    });
};

//# sourceMappingURL=booking-held.template.js.map