"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
_export_star(require("./roles"), exports);
_export_star(require("./email"), exports);
_export_star(require("./limits"), exports);
_export_star(require("./streams"), exports);
_export_star(require("./account.events"), exports);
_export_star(require("./register.request"), exports);
_export_star(require("./login.request"), exports);
_export_star(require("./refresh.request"), exports);
_export_star(require("./logout.request"), exports);
_export_star(require("./change-roles.request"), exports);
_export_star(require("./responses"), exports);
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