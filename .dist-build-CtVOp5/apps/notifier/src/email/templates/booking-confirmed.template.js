"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "bookingConfirmedEmail", {
    enumerable: true,
    get: function() {
        return bookingConfirmedEmail;
    }
});
const _format = require("./format");
const _html = require("./html");
const _layout = require("./layout");
const bookingConfirmedEmail = (data)=>(0, _layout.layout)({
        subject: `Your tickets for ${data.show.name}`,
        displayName: data.displayName,
        text: [
            `Thank you: your booking for ${(0, _layout.showLine)(data.show)} on ${(0, _format.formatTime)(data.show.startsAt)} is confirmed (${(0, _format.formatMoney)(data.amount, data.currency)}).`,
            `Your ${data.tickets.length === 1 ? 'ticket is' : `${data.tickets.length} tickets are`} in the HTML part of this e-mail and under "My tickets": show each QR code at the gate.`,
            ...data.tickets.map((ticket)=>`- Seat ${ticket.seatId}`)
        ],
        html: (0, _html.html)`<p>Thank you: your booking for <strong>${(0, _layout.showLine)(data.show)}</strong> on ${(0, _format.formatTime)(data.show.startsAt)} is confirmed (${(0, _format.formatMoney)(data.amount, data.currency)}).</p>
<p>Show each QR code at the gate.</p>
${data.tickets.map((ticket)=>(0, _html.html)`<figure style="display: inline-block; margin: 0 1em 1em 0; text-align: center"><img src="cid:${ticket.cid}" alt="Ticket for seat ${ticket.seatId}" width="200" height="200"><figcaption>Seat ${ticket.seatId}</figcaption></figure>
`)}`
    });

//# sourceMappingURL=booking-confirmed.template.js.map