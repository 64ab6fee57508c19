"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "refundEmail", {
    enumerable: true,
    get: function() {
        return refundEmail;
    }
});
const _format = require("./format");
const _html = require("./html");
const _layout = require("./layout");
const refundEmail = (data)=>{
    const amount = (0, _format.formatMoney)(data.amount, data.currency);
    const why = data.reason === 'hold_lost' ? `Your payment arrived after the hold on your seats at ${(0, _layout.showLine)(data.show)} had ended, so no tickets were issued.` : `Your booking for ${(0, _layout.showLine)(data.show)} is cancelled and its tickets are no longer valid.`;
    return (0, _layout.layout)({
        subject: `Refund of ${amount} for ${data.show.name}`,
        displayName: data.displayName,
        text: [
            why,
            `We have refunded ${amount} to your card.`
        ],
        html: (0, _html.html)`<p>${why}</p>
<p>We have refunded <strong>${amount}</strong> to your card.</p>`
    });
};

//# sourceMappingURL=refund.template.js.map