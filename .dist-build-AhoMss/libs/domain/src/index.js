"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
_export_star(require("./decider"), exports);
_export_star(require("./domain-error"), exports);
_export_star(require("./accounts"), exports);
_export_star(require("./box-office"), exports);
_export_star(require("./venue-ops"), exports);
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