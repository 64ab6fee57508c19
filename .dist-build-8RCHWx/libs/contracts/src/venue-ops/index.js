"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
_export_star(require("./incident.events"), exports);
_export_star(require("./incident.request"), exports);
_export_star(require("./incident.response"), exports);
_export_star(require("./device-rule.events"), exports);
_export_star(require("./stats.response"), exports);
_export_star(require("./device.events"), exports);
_export_star(require("./device-rules"), exports);
_export_star(require("./telemetry"), exports);
_export_star(require("./device.request"), exports);
_export_star(require("./device.response"), exports);
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