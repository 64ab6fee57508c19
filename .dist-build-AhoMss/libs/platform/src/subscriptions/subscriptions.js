"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "Subscriptions", {
    enumerable: true,
    get: function() {
        return Subscriptions;
    }
});
const _common = require("@nestjs/common");
const _eventstoreport = require("../event-store/event-store.port");
const _health = require("../observability/health");
const _metrics = require("../observability/metrics");
const _readstoreport = require("../read-store/read-store.port");
const _subscription = require("./subscription");
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
let Subscriptions = class Subscriptions {
    constructor(events, reads, health, /** This app's metrics, for what a consumer reports besides its subscription (a schedule's backlog). */ metrics){
        this.events = events;
        this.reads = reads;
        this.health = health;
        this.metrics = metrics;
    }
    create(options) {
        return new _subscription.Subscription(options, {
            events: this.events,
            reads: this.reads,
            health: this.health,
            metrics: this.metrics
        });
    }
};
Subscriptions = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _eventstoreport.EventStore === "undefined" ? Object : _eventstoreport.EventStore,
        typeof _readstoreport.ReadStore === "undefined" ? Object : _readstoreport.ReadStore,
        typeof _health.HealthChecks === "undefined" ? Object : _health.HealthChecks,
        typeof _metrics.Metrics === "undefined" ? Object : _metrics.Metrics
    ])
], Subscriptions);

//# sourceMappingURL=subscriptions.js.map