"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "BookingProbe", {
    enumerable: true,
    get: function() {
        return BookingProbe;
    }
});
const _common = require("@nestjs/common");
const _faultinjection = require("../../../../libs/platform/src/fault-injection");
function _ts_decorate(decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") {
        r = Reflect.decorate(decorators, target, key, desc);
    } else {
        for(var i = decorators.length - 1; i >= 0; i--){
            if (d = decorators[i]) {
                r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
            }
        }
    }
    return c > 3 && r && Object.defineProperty(target, key, r), r;
}
function _ts_metadata(metadataKey, metadataValue) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") {
        return Reflect.metadata(metadataKey, metadataValue);
    }
}
let BookingProbe = class BookingProbe {
    constructor(){
        this.logger = new _common.Logger('BookingProbe');
        this.pauses = new Map();
        this.crashPoints = new _faultinjection.CrashPoints();
        const points = this.crashPoints.armed;
        if (points.length > 0) this.logger.warn(`${_faultinjection.FAULT_INJECTION_VARIABLE} is set: this process will kill itself at ${points.join(', ')}`);
    }
    /** Tests only: run `pause` (once) the next time the flow reaches `point`. */ pauseAt(point, pause) {
        this.pauses.set(point, pause);
    }
    async reached(point) {
        this.crashPoints.reached(point);
        if (this.pauses.size === 0) return;
        const pause = this.pauses.get(point);
        if (!pause) return;
        this.pauses.delete(point);
        await pause();
    }
};
BookingProbe = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [])
], BookingProbe);

//# sourceMappingURL=booking-probe.js.map