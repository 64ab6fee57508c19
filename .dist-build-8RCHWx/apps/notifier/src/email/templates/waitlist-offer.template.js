"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "waitlistOfferEmail", {
    enumerable: true,
    get: function() {
        return waitlistOfferEmail;
    }
});
const _format = require("./format");
const _html = require("./html");
const _layout = require("./layout");
const waitlistOfferEmail = (data)=>{
    const total = (0, _format.formatMoney)(data.amount, data.currency);
    const until = (0, _format.formatTime)(data.expiresAt);
    const seats = data.seats.length === 1 ? 'a seat' : `${data.seats.length} seats`;
    return (0, _layout.layout)({
        subject: `Seats for ${data.show.name} are yours until ${until}`,
        displayName: data.displayName,
        text: [
            `Good news from the waiting list: ${seats} came back for ${(0, _layout.showLine)(data.show)} on ${(0, _format.formatTime)(data.show.startsAt)}, and we are holding them for you.`,
            `Seats: ${data.seats.join(', ')}`,
            `Total: ${total}`,
            `Booking: ${data.bookingId}`,
            `Pay before ${until}; after that the seats go to the next person on the list.`
        ],
        html: (0, _html.html)`<p>Good news from the waiting list: ${seats} came back for <strong>${(0, _layout.showLine)(data.show)}</strong> on ${(0, _format.formatTime)(data.show.startsAt)}, and we are holding them for you.</p>
<p>Seats: ${data.seats.join(', ')}<br>Total: ${total}<br>Booking: ${data.bookingId}</p>
<p>Pay before <strong>${until}</strong>; after that the seats go to the next person on the list.</p>`
    });
};

//# sourceMappingURL=waitlist-offer.template.js.map