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
    get CHECKPOINTS_COLLECTION () {
        return _embeddedreadstore.CHECKPOINTS_COLLECTION;
    },
    get EmbeddedReadStore () {
        return _embeddedreadstore.EmbeddedReadStore;
    }
});
const _embeddedreadstore = require("./embedded-read-store");

//# sourceMappingURL=index.js.map