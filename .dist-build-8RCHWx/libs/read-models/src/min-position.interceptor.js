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
    get MAX_WAIT_MS () {
        return MAX_WAIT_MS;
    },
    get MIN_POSITION_HEADER () {
        return MIN_POSITION_HEADER;
    },
    get MinPositionInterceptorOf () {
        return MinPositionInterceptorOf;
    },
    get parseMinPosition () {
        return parseMinPosition;
    }
});
const _common = require("@nestjs/common");
const _core = require("@nestjs/core");
const _domain = require("../../domain/src");
const _eventstoreport = require("../../platform/src/event-store/event-store.port");
const _readstoreport = require("../../platform/src/read-store/read-store.port");
const _rxjs = require("rxjs");
const _checkpointprogress = require("./checkpoint-progress");
const _projectionprogress = require("./projection-progress");
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
const MIN_POSITION_HEADER = 'x-min-position';
const MAX_WAIT_MS = 5_000;
const POSITION = /^\d{1,16}$/;
const parseMinPosition = (value)=>{
    if (value === undefined) return undefined;
    const text = Array.isArray(value) ? value.join(',') : value;
    const position = POSITION.test(text.trim()) ? Number(text.trim()) : Number.NaN;
    if (!Number.isSafeInteger(position)) {
        throw new _domain.DomainError('VALIDATION_FAILED', 'X-Min-Position must be a log position: a decimal integer ≥ 0', {
            errors: [
                {
                    field: 'X-Min-Position',
                    message: 'must be a decimal integer ≥ 0'
                }
            ]
        });
    }
    return position;
};
let MinPositionInterceptorOf = class MinPositionInterceptorOf {
    static{
        /** What every route it guards adds to GET /openapi.json. */ this.openApi = {
            problems: [
                'PROJECTION_LAGGING'
            ],
            headers: [
                {
                    name: 'X-Min-Position',
                    in: 'header',
                    required: false,
                    description: `Answer only once the read models have reached this log position (a write's \`position\`); waits at most ${MAX_WAIT_MS / 1000} s, then 503 PROJECTION_LAGGING.`,
                    schema: {
                        type: 'string',
                        pattern: '^\\d{1,16}$'
                    }
                }
            ]
        };
    }
    constructor(moduleRef, events, reads){
        this.moduleRef = moduleRef;
        this.events = events;
        this.reads = reads;
    }
    /** Waits, if asked to, before the handler reads. */ intercept(context, next) {
        const req = context.switchToHttp().getRequest();
        const target = parseMinPosition(req.headers[MIN_POSITION_HEADER]);
        if (target === undefined) return next.handle();
        return (0, _rxjs.from)(this.waitFor(target)).pipe((0, _rxjs.switchMap)(()=>next.handle()));
    }
    async waitFor(target) {
        if (await this.progressSource().waitFor(target, MAX_WAIT_MS)) return;
        throw new _domain.DomainError('PROJECTION_LAGGING', `the read models have not reached position ${target} within ${MAX_WAIT_MS / 1000} s; retry shortly`, {
            position: String(await this.progressSource().processedPosition())
        });
    }
    /**
   * The projector of this process when there is one (standalone: one subscription applies every
   * read model's batch together), else the shared checkpoints of these read models.
   */ progressSource() {
        if (!this.progress) {
            let local;
            try {
                local = this.moduleRef.get(_projectionprogress.ProjectionProgress, {
                    strict: false
                });
            } catch  {
                local = undefined;
            }
            this.progress = local ?? new _checkpointprogress.CheckpointProgress(this.events, this.reads, this.readModels);
        }
        return this.progress;
    }
};
MinPositionInterceptorOf = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _core.ModuleRef === "undefined" ? Object : _core.ModuleRef,
        typeof _eventstoreport.EventStore === "undefined" ? Object : _eventstoreport.EventStore,
        typeof _readstoreport.ReadStore === "undefined" ? Object : _readstoreport.ReadStore
    ])
], MinPositionInterceptorOf);

//# sourceMappingURL=min-position.interceptor.js.map