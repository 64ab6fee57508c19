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
    get Clock () {
        return Clock;
    },
    get IdGenerator () {
        return IdGenerator;
    },
    get RandomUuids () {
        return RandomUuids;
    },
    get SystemClock () {
        return SystemClock;
    }
});
const _nodecrypto = require("node:crypto");
let Clock = class Clock {
};
let SystemClock = class SystemClock extends Clock {
    now() {
        return new Date();
    }
};
let IdGenerator = class IdGenerator {
};
let RandomUuids = class RandomUuids extends IdGenerator {
    newId() {
        return (0, _nodecrypto.randomUUID)();
    }
};

//# sourceMappingURL=clock.js.map