"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "applyHeapSettings", {
    enumerable: true,
    get: function() {
        return applyHeapSettings;
    }
});
const _nodev8 = require("node:v8");
const applyHeapSettings = ({ growthPercent, mode })=>{
    if (growthPercent > 0) (0, _nodev8.setFlagsFromString)(`--heap-growing-percent=${growthPercent}`);
    if (mode === 'compact') (0, _nodev8.setFlagsFromString)('--optimize-for-size');
};

//# sourceMappingURL=heap.js.map