"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
_export_star(require("./events/envelope"), exports);
_export_star(require("./errors"), exports);
_export_star(require("./accounts"), exports);
_export_star(require("./box-office"), exports);
_export_star(require("./venue-ops"), exports);
_export_star(require("./notifications/outbox.response"), exports);
_export_star(require("./live-feeds"), exports);
_export_star(require("./notifications"), exports);
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