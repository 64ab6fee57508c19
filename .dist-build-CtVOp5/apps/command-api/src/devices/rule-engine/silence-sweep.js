"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "DeviceSilenceSweep", {
    enumerable: true,
    get: function() {
        return DeviceSilenceSweep;
    }
});
const _common = require("@nestjs/common");
const _platformmodule = require("../../../../../libs/platform/src/platform.module");
const _deviceruleengine = require("./device-rule-engine");
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
function _ts_param(paramIndex, decorator) {
    return function(target, key) {
        decorator(target, key, paramIndex);
    };
}
let DeviceSilenceSweep = class DeviceSilenceSweep {
    constructor(engine, config){
        this.engine = engine;
        this.config = config;
        this.logger = new _common.Logger('DeviceSilenceSweep');
    }
    onApplicationBootstrap() {
        this.timer = setInterval(()=>void this.sweep(), this.config.DEVICE_SILENCE_SWEEP_MS);
        this.timer.unref();
    }
    async beforeApplicationShutdown() {
        if (this.timer) clearInterval(this.timer);
        this.timer = undefined;
        await this.running;
    }
    /** One sweep, unless one is under way (then that one). */ sweep() {
        this.running ??= this.engine.sweepSilence().catch((error)=>this.logger.warn(`staleness sweep failed; trying again at the next: ${String(error)}`)).finally(()=>this.running = undefined);
        return this.running;
    }
};
DeviceSilenceSweep = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_param(1, (0, _platformmodule.InjectConfig)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _deviceruleengine.DeviceRuleEngine === "undefined" ? Object : _deviceruleengine.DeviceRuleEngine,
        typeof Pick === "undefined" ? Object : Pick
    ])
], DeviceSilenceSweep);

//# sourceMappingURL=silence-sweep.js.map