/**
 * The response and problem schemas of GET /openapi.json, for the controllers' @nestjs/swagger
 * decorators. Kept out of the package index so that the domain and the CLI, which read the
 * contracts, do not load @nestjs/swagger (about 300 ms).
 */ "use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "API_VERSION", {
    enumerable: true,
    get: function() {
        return API_VERSION;
    }
});
_export_star(require("./errors.schema"), exports);
_export_star(require("./accounts/responses.schema"), exports);
_export_star(require("./box-office/responses.schema"), exports);
_export_star(require("./box-office/operations.schema"), exports);
_export_star(require("./venue-ops/responses.schema"), exports);
_export_star(require("./venue-ops/devices.schema"), exports);
_export_star(require("./notifications/outbox.schema"), exports);
_export_star(require("./notifications/responses.schema"), exports);
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
const API_VERSION = '1.0.0';

//# sourceMappingURL=openapi.js.map