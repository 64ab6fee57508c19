"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
_export_star(require("./seat-map"), exports);
_export_star(require("./streams"), exports);
_export_star(require("./show.events"), exports);
_export_star(require("./seat.events"), exports);
_export_star(require("./booking.events"), exports);
_export_star(require("./ticket.events"), exports);
_export_star(require("./voucher.events"), exports);
_export_star(require("./waitlist.events"), exports);
_export_star(require("./buyer.events"), exports);
_export_star(require("./waiting-room.events"), exports);
_export_star(require("./waiting-room.request"), exports);
_export_star(require("./voucher.request"), exports);
_export_star(require("./waitlist.request"), exports);
_export_star(require("./events"), exports);
_export_star(require("./show.request"), exports);
_export_star(require("./booking.request"), exports);
_export_star(require("./ticket.request"), exports);
_export_star(require("./show.response"), exports);
_export_star(require("./booking.response"), exports);
_export_star(require("./ticket.response"), exports);
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