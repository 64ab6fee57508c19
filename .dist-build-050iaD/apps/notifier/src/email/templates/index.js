/** Every e-mail the notifier sends (API.md, Live feeds), one template each. */ "use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
_export_star(require("./booking-confirmed.template"), exports);
_export_star(require("./booking-expired.template"), exports);
_export_star(require("./booking-held.template"), exports);
_export_star(require("./hold-expiring.template"), exports);
_export_star(require("./incident-status.template"), exports);
_export_star(require("./layout"), exports);
_export_star(require("./refund.template"), exports);
_export_star(require("./show-cancelled.template"), exports);
_export_star(require("./ticket-transferred.template"), exports);
_export_star(require("./welcome.template"), exports);
_export_star(require("./waitlist-offer.template"), exports);
function _export_star(from, to) {
    Object.keys(from).forEach(function(k) {
        if (k !== "default" && !Object.prototype.hasOwnProperty.call(to, k)) {
            Object.defineProperty(to, k, {
                enumerable: true,
                get: function() {
                    return from[k];
                }
            });
        }
    });
    return from;
}

//# sourceMappingURL=index.js.map