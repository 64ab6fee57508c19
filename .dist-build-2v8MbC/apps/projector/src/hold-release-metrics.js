"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "HoldReleaseMetrics", {
    enumerable: true,
    get: function() {
        return HoldReleaseMetrics;
    }
});
const _common = require("@nestjs/common");
const _metrics = require("../../../libs/platform/src/observability/metrics");
const _platformmodule = require("../../../libs/platform/src/platform.module");
const _readstoreport = require("../../../libs/platform/src/read-store/read-store.port");
const _readmodels = require("../../../libs/read-models/src");
const _promclient = require("prom-client");
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
let HoldReleaseMetrics = class HoldReleaseMetrics {
    constructor(metrics, reads, config){
        const threshold = config.REPEAT_RELEASE_THRESHOLD;
        const totals = async ()=>reads.collection((0, _readmodels.collectionName)(_readmodels.holdReleasesDescriptor, _readmodels.HOLD_RELEASE_TOTALS)).findOne({
                _id: _readmodels.HOLD_RELEASE_TOTALS_ID
            }, {
                readOnly: true
            });
        /** Bucket k − 1 holds count k: the releases (or accounts) past the threshold are those of buckets `threshold` and up. */ const pastThreshold = (buckets)=>(buckets ?? []).slice(threshold).reduce((sum, n)=>sum + n, 0);
        if (!metrics.registry.getSingleMetric('tessera_repeat_releaser_holds_released_total')) {
            new _promclient.Counter({
                name: 'tessera_repeat_releaser_holds_released_total',
                help: `Holds released before payment (expired, or cancelled by the fan) by an account that had already released at least ${threshold} (REPEAT_RELEASE_THRESHOLD) holds on the same show`,
                labelNames: [
                    'reason'
                ],
                registers: [
                    metrics.registry
                ],
                async collect () {
                    const doc = await totals();
                    this.reset();
                    for (const reason of [
                        'expired',
                        'cancelled'
                    ])this.inc({
                        reason
                    }, pastThreshold(doc?.releasesByOrdinal[reason]));
                }
            });
        }
        metrics.gauge('tessera_repeat_releaser_accounts', `(Show, account) pairs that released more than ${threshold} (REPEAT_RELEASE_THRESHOLD) holds before payment`, [], async (gauge)=>{
            gauge.set(pastThreshold((await totals())?.accountsByReleases));
        });
        metrics.gauge('tessera_hold_release_accounts', '(Show, account) pairs by the number of holds they released before payment (10+: ten or more)', [
            'releases'
        ], async (gauge)=>{
            const buckets = (await totals())?.accountsByReleases ?? [];
            for(let k = 1; k <= _readmodels.RELEASE_ORDINALS; k += 1)gauge.set({
                releases: k === _readmodels.RELEASE_ORDINALS ? `${k}+` : String(k)
            }, buckets[k - 1] ?? 0);
        });
    }
};
HoldReleaseMetrics = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_param(2, (0, _platformmodule.InjectConfig)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _metrics.Metrics === "undefined" ? Object : _metrics.Metrics,
        typeof _readstoreport.ReadStore === "undefined" ? Object : _readstoreport.ReadStore,
        typeof TesseraConfig === "undefined" ? Object : TesseraConfig
    ])
], HoldReleaseMetrics);

//# sourceMappingURL=hold-release-metrics.js.map