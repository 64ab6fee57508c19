"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "holdExpiringEmail", {
    enumerable: true,
    get: function() {
        return holdExpiringEmail;
    }
});
const _format = require("./format");
const _html = require("./html");
const _layout = require("./layout");
const holdExpiringEmail = (data)=>{
    const until = (0, _format.formatTime)(data.expiresAt);
    return (0, _layout.layout)({
        subject: `Two minutes left to pay for ${data.show.name}`,
        displayName: data.displayName,
        text: [
            `Your hold on ${data.seats.join(', ')} at ${(0, _layout.showLine)(data.show)} ends at ${until}.`,
            'Pay now to keep the seats.'
        ],
        html: (0, _html.html)`<p>Your hold on ${data.seats.join(', ')} at <strong>${(0, _layout.showLine)(data.show)}</strong> ends at <strong>${until}</strong>.</p>
<p>Pay now to keep the seats.</p>`
    });
};

//# sourceMappingURL=hold-expiring.template.js.map