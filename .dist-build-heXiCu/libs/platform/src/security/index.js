"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
_export_star(require("./password-hasher"), exports);
_export_star(require("./password-policy"), exports);
_export_star(require("./email-hash"), exports);
_export_star(require("./refresh-token"), exports);
_export_star(require("./token-service"), exports);
_export_star(require("./ticket-codes"), exports);
_export_star(require("./admission-tokens"), exports);
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