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
    get Metrics () {
        return Metrics;
    },
    get MetricsController () {
        return MetricsController;
    },
    get Tally () {
        return Tally;
    },
    get installHttpMetrics () {
        return installHttpMetrics;
    }
});
const _common = require("@nestjs/common");
const _swagger = require("@nestjs/swagger");
const _auth = require("../auth/auth");
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
let Metrics = class Metrics {
    constructor(){
        this.registry = new _promclient.Registry();
        this.httpDuration = new _promclient.Histogram({
            name: 'tessera_http_request_duration_seconds',
            help: 'HTTP request duration by route and status',
            labelNames: [
                'method',
                'route',
                'status'
            ],
            buckets: [
                0.001,
                0.0025,
                0.005,
                0.01,
                0.025,
                0.05,
                0.1,
                0.25,
                0.5,
                1,
                2.5
            ],
            registers: [
                this.registry
            ]
        });
        this.tallies = new Map();
        /** Counted by the instrumented event store (see port-metrics.ts) for every append that succeeded. */ this.eventsAppended = this.tally('tessera_events_appended_total', 'Events appended to the log, by event type (a bounded set: the contract\'s versioned types)', 'type');
        (0, _promclient.collectDefaultMetrics)({
            register: this.registry,
            prefix: 'tessera_'
        });
    }
    counter(name, help, labelNames = []) {
        const existing = this.registry.getSingleMetric(name);
        if (existing) return existing;
        return new _promclient.Counter({
            name,
            help,
            labelNames,
            registers: [
                this.registry
            ]
        });
    }
    histogram(name, help, labelNames = [], buckets) {
        const existing = this.registry.getSingleMetric(name);
        if (existing) return existing;
        return new _promclient.Histogram({
            name,
            help,
            labelNames,
            buckets,
            registers: [
                this.registry
            ]
        });
    }
    /** A counter for hot paths (see Tally), with at most one label; registered once per name. */ tally(name, help, labelName) {
        const existing = this.tallies.get(name);
        if (existing) return existing;
        const tally = new Tally();
        new _promclient.Counter({
            name,
            help,
            labelNames: labelName ? [
                labelName
            ] : [],
            registers: [
                this.registry
            ],
            collect () {
                tally.drain((value, count)=>labelName ? this.inc({
                        [labelName]: value
                    }, count) : this.inc(count));
            }
        });
        this.tallies.set(name, tally);
        return tally;
    }
    /** A gauge whose value is read at scrape time; registered once per name. */ gauge(name, help, labelNames, collect) {
        const existing = this.registry.getSingleMetric(name);
        if (existing) return existing;
        return new _promclient.Gauge({
            name,
            help,
            labelNames,
            registers: [
                this.registry
            ],
            async collect () {
                await collect(this);
            }
        });
    }
};
Metrics = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [])
], Metrics);
let Tally = class Tally {
    /** One more (or `count` more) for the label value (none for a counter without a label). */ add(value = '', count = 1) {
        this.pending.set(value, (this.pending.get(value) ?? 0) + count);
    }
    /** Hands what was counted since the last scrape over, and starts again from zero. */ drain(into) {
        for (const [value, count] of this.pending)into(value, count);
        this.pending.clear();
    }
    constructor(){
        this.pending = new Map();
    }
};
const installHttpMetrics = (fastify, metrics)=>{
    const duration = metrics.httpDuration;
    fastify.addHook('onResponse', (request, reply, done)=>{
        duration.observe({
            method: request.method,
            route: request.routeOptions.url ?? 'unmatched',
            status: String(reply.statusCode)
        }, reply.elapsedTime / 1000);
        done();
    });
};
let MetricsController = class MetricsController {
    constructor(metrics){
        this.metrics = metrics;
    }
    async scrape(res) {
        const text = await this.metrics.registry.metrics();
        await res.header('Content-Type', this.metrics.registry.contentType).send(text);
    }
};
_ts_decorate([
    (0, _swagger.ApiOkResponse)({
        description: 'Prometheus text exposition format.',
        content: {
            'text/plain': {
                schema: {
                    type: 'string'
                }
            }
        }
    }),
    (0, _common.Get)(),
    (0, _common.Header)('Cache-Control', 'no-store'),
    _ts_param(0, (0, _common.Res)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof FastifyReply === "undefined" ? Object : FastifyReply
    ]),
    _ts_metadata("design:returntype", Promise)
], MetricsController.prototype, "scrape", null);
MetricsController = _ts_decorate([
    (0, _auth.Public)(),
    (0, _common.Controller)('metrics'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof Metrics === "undefined" ? Object : Metrics
    ])
], MetricsController);

//# sourceMappingURL=metrics.js.map