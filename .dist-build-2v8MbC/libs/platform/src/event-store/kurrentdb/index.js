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
    get KurrentDbEventStore () {
        return _kurrentdbeventstore.KurrentDbEventStore;
    },
    get KurrentDbVersionError () {
        return _kurrentdbmapping.KurrentDbVersionError;
    },
    get createKurrentDbEventStore () {
        return createKurrentDbEventStore;
    }
});
const _kurrentdbeventstore = require("./kurrentdb-event-store");
const _kurrentdbmapping = require("./kurrentdb-mapping");
const createKurrentDbEventStore = (connectionString)=>_kurrentdbeventstore.KurrentDbEventStore.fromConnectionString(connectionString);

//# sourceMappingURL=index.js.map