"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "welcomeEmail", {
    enumerable: true,
    get: function() {
        return welcomeEmail;
    }
});
const _html = require("./html");
const _layout = require("./layout");
const welcomeEmail = ({ displayName })=>(0, _layout.layout)({
        subject: 'Welcome to Tessera',
        displayName,
        text: [
            'Your Tessera account is ready. Browse the shows on sale and hold your seats: they are yours once paid.'
        ],
        html: (0, _html.html)`<p>Your Tessera account is ready. Browse the shows on sale and hold your seats: they are yours once paid.</p>`
    });

//# sourceMappingURL=welcome.template.js.map