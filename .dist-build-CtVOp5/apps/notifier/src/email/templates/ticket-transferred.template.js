"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
function _export(target, all) {
    for(var name in all)Object.defineProperty(target, name, {
        enumerable: true,
        get: Object.getOwnPropertyDescriptor(all, name).get
    });
}
_export(exports, {
    get ticketReceivedEmail () {
        return ticketReceivedEmail;
    },
    get ticketSentEmail () {
        return ticketSentEmail;
    }
});
const _format = require("./format");
const _html = require("./html");
const _layout = require("./layout");
const ticketSentEmail = (data)=>(0, _layout.layout)({
        subject: `You transferred your ticket for ${data.show.name}`,
        displayName: data.displayName,
        text: [
            `Your ticket for seat ${data.seatId} at ${(0, _layout.showLine)(data.show)} now belongs to ${data.toName}.`,
            'Its old QR code no longer works.'
        ],
        html: (0, _html.html)`<p>Your ticket for seat ${data.seatId} at <strong>${(0, _layout.showLine)(data.show)}</strong> now belongs to ${data.toName}.</p>
<p>Its old QR code no longer works.</p>`
    });
const ticketReceivedEmail = (data)=>(0, _layout.layout)({
        subject: `${data.fromName} sent you a ticket for ${data.show.name}`,
        displayName: data.displayName,
        text: [
            `${data.fromName} transferred a ticket to you: seat ${data.seatId} at ${(0, _layout.showLine)(data.show)} on ${(0, _format.formatTime)(data.show.startsAt)}.`,
            'Its QR code is in the HTML part of this e-mail and under "My tickets": show it at the gate.'
        ],
        html: (0, _html.html)`<p>${data.fromName} transferred a ticket to you: seat ${data.seatId} at <strong>${(0, _layout.showLine)(data.show)}</strong> on ${(0, _format.formatTime)(data.show.startsAt)}.</p>
<figure style="display: inline-block; margin: 0; text-align: center"><img src="cid:${data.cid}" alt="Ticket for seat ${data.seatId}" width="200" height="200"><figcaption>Seat ${data.seatId}</figcaption></figure>`
    });

//# sourceMappingURL=ticket-transferred.template.js.map