"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
function _export(target, all) {
    for(var name in all)Object.defineProperty(target, name, {
        enumerable: true,
        get: Object.getOwnPropertyDescriptor(all, name).get
    });
}
_export(exports, {
    get InProcessSeatLocks () {
        return _inprocessseatlocks.InProcessSeatLocks;
    },
    get RedlockSeatLocks () {
        return _redlockseatlocks.RedlockSeatLocks;
    }
});
_export_star(require("./seat-locks.port"), exports);
const _inprocessseatlocks = require("./in-process-seat-locks");
const _redlockseatlocks = require("./redlock-seat-locks");
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