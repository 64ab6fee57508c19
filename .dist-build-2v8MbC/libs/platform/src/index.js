"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
_export_star(require("./event-store/event-store.port"), exports);
_export_star(require("./read-store/read-store.port"), exports);
_export_star(require("./seat-locks/seat-locks.port"), exports);
_export_star(require("./time/clock"), exports);
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