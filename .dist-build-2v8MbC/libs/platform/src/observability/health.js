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
    get HealthChecks () {
        return HealthChecks;
    },
    get HealthController () {
        return HealthController;
    }
});
const _common = require("@nestjs/common");
const _swagger = require("@nestjs/swagger");
const _terminus = require("@nestjs/terminus");
const _auth = require("../auth/auth");
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
let HealthChecks = class HealthChecks {
    register(name, check, options = {}) {
        this.checks.set(name, check);
        if (options.affectsReadiness === false) this.informational.add(name);
        else this.informational.delete(name);
    }
    entries() {
        return [
            ...this.checks.entries()
        ];
    }
    affectsReadiness(name) {
        return !this.informational.has(name);
    }
    constructor(){
        this.checks = new Map();
        this.informational = new Set();
    }
};
HealthChecks = _ts_decorate([
    (0, _common.Injectable)()
], HealthChecks);
const CHECK_TIMEOUT_MS = 3000;
const withTimeout = (promise, ms)=>new Promise((resolve, reject)=>{
        const timer = setTimeout(()=>reject(new Error(`no answer within ${ms} ms`)), ms);
        promise.then((value)=>(clearTimeout(timer), resolve(value)), (error)=>(clearTimeout(timer), reject(error)));
    });
let HealthController = class HealthController {
    constructor(health, indicator, checks){
        this.health = health;
        this.indicator = indicator;
        this.checks = checks;
    }
    /** Readiness: every registered dependency answers. */ async ready(res) {
        const indicator = ([name, check])=>async ()=>{
                const session = this.indicator.check(name);
                try {
                    const details = await withTimeout(check(), CHECK_TIMEOUT_MS);
                    return session.up(details ?? {});
                } catch (error) {
                    return session.down({
                        message: error instanceof Error ? error.message : String(error)
                    });
                }
            };
        const entries = this.checks.entries();
        const informational = Promise.all(entries.filter(([name])=>!this.checks.affectsReadiness(name)).map((entry)=>indicator(entry)()));
        const withInformational = async (result)=>{
            const merged = {
                ...result,
                info: {
                    ...result.info
                },
                error: {
                    ...result.error
                },
                details: {
                    ...result.details
                }
            };
            for (const outcome of (await informational)){
                for (const [name, state] of Object.entries(outcome)){
                    merged.details[name] = state;
                    if (state.status === 'up') merged.info[name] = state;
                    else merged.error[name] = state;
                }
            }
            return merged;
        };
        try {
            const result = await this.health.check(entries.filter(([name])=>this.checks.affectsReadiness(name)).map(indicator));
            await res.status(200).send(await withInformational(result));
        } catch (error) {
            // Terminus reports "not ready" as an exception; answer it here, not as a problem+json 500.
            if (error instanceof _common.ServiceUnavailableException) {
                await res.status(503).send(await withInformational(error.getResponse()));
                return;
            }
            throw error;
        }
    }
    /** Liveness: the process answers. */ live() {
        return {
            status: 'ok'
        };
    }
};
_ts_decorate([
    (0, _common.Get)(),
    (0, _terminus.HealthCheck)(),
    _ts_param(0, (0, _common.Res)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof FastifyReply === "undefined" ? Object : FastifyReply
    ]),
    _ts_metadata("design:returntype", Promise)
], HealthController.prototype, "ready", null);
_ts_decorate([
    (0, _swagger.ApiOkResponse)({
        description: 'The process answers.',
        schema: {
            type: 'object',
            properties: {
                status: {
                    type: 'string',
                    enum: [
                        'ok'
                    ]
                }
            },
            required: [
                'status'
            ],
            additionalProperties: false
        }
    }),
    (0, _common.Get)('live'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", []),
    _ts_metadata("design:returntype", Object)
], HealthController.prototype, "live", null);
HealthController = _ts_decorate([
    (0, _auth.Public)(),
    (0, _common.Controller)('health'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _terminus.HealthCheckService === "undefined" ? Object : _terminus.HealthCheckService,
        typeof _terminus.HealthIndicatorService === "undefined" ? Object : _terminus.HealthIndicatorService,
        typeof HealthChecks === "undefined" ? Object : HealthChecks
    ])
], HealthController);

//# sourceMappingURL=health.js.map