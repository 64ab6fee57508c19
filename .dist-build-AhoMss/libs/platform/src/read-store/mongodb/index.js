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
    get MongoReadStore () {
        return _mongoreadstore.MongoReadStore;
    },
    get databaseNameFromUrl () {
        return _mongoreadstore.databaseNameFromUrl;
    }
});
const _mongoreadstore = require("./mongo-read-store");

//# sourceMappingURL=index.js.map