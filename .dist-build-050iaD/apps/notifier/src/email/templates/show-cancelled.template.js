"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "showCancelledEmail", {
    enumerable: true,
    get: function() {
        return showCancelledEmail;
    }
});
const _format = require("./format");
const _html = require("./html");
const _layout = require("./layout");
const showCancelledEmail = (data)=>{
    const outcome = data.refund ? `Your tickets are void and we have refunded ${(0, _format.formatMoney)(data.refund.amount, data.refund.currency)} to your card.` : 'Your tickets or held seats for it are void; nothing is left to pay.';
    return (0, _layout.layout)({
        subject: `Cancelled: ${data.show.name}`,
        displayName: data.displayName,
        text: [
            `We are sorry: ${(0, _layout.showLine)(data.show)} on ${(0, _format.formatTime)(data.show.startsAt)} is cancelled.`,
            outcome
        ],
        html: (0, _html.html)`<p>We are sorry: <strong>${(0, _layout.showLine)(data.show)}</strong> on ${(0, _format.formatTime)(data.show.startsAt)} is cancelled.</p>
<p>${outcome}</p>`
    });
};

//# sourceMappingURL=show-cancelled.template.js.map