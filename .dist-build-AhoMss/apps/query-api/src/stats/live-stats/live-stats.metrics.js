"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "LiveStatsMetrics", {
    enumerable: true,
    get: function() {
        return LiveStatsMetrics;
    }
});
const _common = require("@nestjs/common");
const _cqrs = require("@nestjs/cqrs");
const _contracts = require("../../../../../libs/contracts/src");
const _metrics = require("../../../../../libs/platform/src/observability/metrics");
const _readmodels = require("../../../../../libs/read-models/src");
const _livestatsquery = require("./live-stats.query");
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
let LiveStatsMetrics = class LiveStatsMetrics {
    constructor(queries, metrics){
        this.logger = new _common.Logger('LiveStatsMetrics');
        const report = (gauge, set)=>queries.execute(new _livestatsquery.LiveStatsQuery()).then(set, (error)=>{
                gauge.reset();
                this.logger.warn(`could not read the live counters for /metrics: ${String(error)}`);
            });
        metrics.gauge('tessera_devices', 'Registered venue devices by status (online, degraded, offline, silent), from the live counters', [
            'status'
        ], (gauge)=>report(gauge, ({ devices })=>{
                for (const status of _readmodels.COUNTED_DEVICE_STATUSES)gauge.set({
                    status
                }, devices[status]);
            }));
        metrics.gauge('tessera_incidents_open', 'Open incidents (new, acknowledged, in progress, pending) by severity, from the live counters', [
            'severity'
        ], (gauge)=>report(gauge, ({ incidents })=>{
                for (const severity of _contracts.INCIDENT_SEVERITIES)gauge.set({
                    severity
                }, incidents.bySeverity[severity]);
            }));
    }
};
LiveStatsMetrics = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _cqrs.QueryBus === "undefined" ? Object : _cqrs.QueryBus,
        typeof _metrics.Metrics === "undefined" ? Object : _metrics.Metrics
    ])
], LiveStatsMetrics);

//# sourceMappingURL=live-stats.metrics.js.map