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
    get IDEMPOTENCY_COLLECTION () {
        return IDEMPOTENCY_COLLECTION;
    },
    get IdempotencyInterceptor () {
        return IdempotencyInterceptor;
    },
    get NoIdempotentReplay () {
        return NoIdempotentReplay;
    },
    get decodeAnswer () {
        return decodeAnswer;
    },
    get encodeAnswer () {
        return encodeAnswer;
    },
    get replaysIdempotently () {
        return replaysIdempotently;
    }
});
const _common = require("@nestjs/common");
const _constants = require("@nestjs/common/constants");
const _core = require("@nestjs/core");
const _domain = require("../../../domain/src");
const _nodecrypto = require("node:crypto");
const _rxjs = require("rxjs");
const _clock = require("../time/clock");
const _readstoreport = require("../read-store/read-store.port");
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
const IDEMPOTENCY_COLLECTION = 'idempotency-keys';
const NO_REPLAY = 'tessera:idempotency-no-replay';
const NoIdempotentReplay = ()=>(0, _common.SetMetadata)(NO_REPLAY, true);
const replaysIdempotently = (handler, controller)=>new _core.Reflector().getAllAndOverride(NO_REPLAY, [
        handler,
        controller
    ]) !== true;
const RETENTION_MS = 24 * 60 * 60 * 1000;
const SWEEP_EVERY_MS = 10 * 60 * 1000;
const SWEEP_BATCH = 500;
const REPLAYED_HEADERS = [
    'location',
    'x-position'
];
const encodeAnswer = ({ status, headers, body })=>Buffer.from(`${status}\n${Object.entries(headers).map(([name, value])=>`${name}: ${value}\n`).join('')}\n${body}`).toString();
const decodeAnswer = (text)=>{
    const headers = {};
    let at = text.indexOf('\n');
    const status = Number(text.slice(0, at));
    for(let end = text.indexOf('\n', at + 1); end !== at + 1; at = end, end = text.indexOf('\n', at + 1)){
        const line = text.slice(at + 1, end);
        const colon = line.indexOf(': ');
        headers[line.slice(0, colon)] = line.slice(colon + 2);
    }
    return {
        status,
        headers,
        body: text.slice(at + 2)
    };
};
/** The stored answer of a record, in either format; undefined while its request is still running. */ const answerOf = (record)=>{
    if (typeof record.answer === 'string') return decodeAnswer(record.answer);
    if (record.state === 'done' && record.response) return record.response;
    return undefined;
};
const sha256 = (text)=>(0, _nodecrypto.createHash)('sha256').update(text).digest();
/** JSON with sorted keys, so the same body in another key order hashes the same. */ const canonical = (value)=>Array.isArray(value) ? `[${value.map(canonical).join(',')}]` : value && typeof value === 'object' ? `{${Object.keys(value).sort().map((k)=>`${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}` : JSON.stringify(value ?? null);
let IdempotencyInterceptor = class IdempotencyInterceptor {
    constructor(store, clock, reflector){
        this.store = store;
        this.clock = clock;
        this.reflector = reflector;
        this.logger = new _common.Logger('Idempotency');
        this.sweptAt = -Infinity;
        this.stopped = false;
    }
    intercept(context, next) {
        if (context.getType() !== 'http') return next.handle();
        const req = context.switchToHttp().getRequest();
        const key = req.headers['idempotency-key'];
        if (req.method !== 'POST' || key === undefined) return next.handle();
        if (typeof key !== 'string' || key.length < 1 || key.length > 200) {
            throw new _domain.DomainError('VALIDATION_FAILED', 'Idempotency-Key must be 1 to 200 characters.', {
                errors: [
                    {
                        field: 'Idempotency-Key',
                        message: 'must be 1 to 200 characters'
                    }
                ]
            });
        }
        if (this.reflector.getAllAndOverride(NO_REPLAY, [
            context.getHandler(),
            context.getClass()
        ])) return next.handle();
        const caller = req.user?.userId ?? 'anonymous';
        // The record id is also the command id, from which event ids derive.
        const recordId = sha256(`${caller}\u0000${key}`).toString('hex');
        req.commandId = recordId;
        const requestHash = sha256(`${req.method} ${req.originalUrl}\u0000${canonical(req.body)}`);
        return (0, _rxjs.from)(this.run(context, next, recordId, requestHash));
    }
    async run(context, next, recordId, requestDigest) {
        const res = context.switchToHttp().getResponse();
        const keys = this.store.collection(IDEMPOTENCY_COLLECTION);
        const now = this.clock.now();
        this.sweepIfDue(now.getTime());
        const requestHash = requestDigest.subarray(0, 16).toString('base64url');
        const claimed = await this.claim(keys, {
            _id: recordId,
            requestHash,
            createdAt: now.toISOString()
        });
        if (!claimed) {
            const existing = await keys.findOne({
                _id: recordId
            });
            if (existing && now.getTime() - Date.parse(existing.createdAt) > RETENTION_MS) {
                await keys.deleteOne({
                    _id: recordId,
                    createdAt: existing.createdAt
                });
                return this.run(context, next, recordId, requestDigest);
            }
            if (!existing) return this.run(context, next, recordId, requestDigest);
            const sameRequest = existing.requestHash === (existing.requestHash.length === 64 ? requestDigest.toString('hex') : requestHash);
            if (!sameRequest) {
                throw new _domain.DomainError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used with another request.');
            }
            const answer = answerOf(existing);
            if (!answer) {
                res.header('Retry-After', '1');
                throw new _domain.DomainError('CONCURRENCY_CONFLICT', 'A request with this Idempotency-Key is still in progress.');
            }
            for (const [name, value] of Object.entries(answer.headers))res.header(name, value);
            res.header('Idempotent-Replayed', 'true');
            res.status(answer.status);
            return JSON.parse(answer.body);
        }
        const initialStatus = res.statusCode;
        let body;
        try {
            body = await (0, _rxjs.lastValueFrom)(next.handle(), {
                defaultValue: undefined
            });
        } catch (error) {
            // A failed attempt leaves no record: a retry runs the command again, and deterministic
            // event ids make a command that did reach the log answer as it did the first time.
            await keys.deleteOne({
                _id: recordId
            });
            throw error;
        }
        const declared = this.reflector.get(_constants.HTTP_CODE_METADATA, context.getHandler());
        const status = res.statusCode !== initialStatus ? res.statusCode : declared ?? _common.HttpStatus.CREATED;
        const headers = {};
        for (const name of REPLAYED_HEADERS){
            const value = res.getHeader(name);
            if (value !== undefined) headers[name] = String(value);
        }
        await keys.updateOne({
            _id: recordId
        }, {
            $set: {
                answer: encodeAnswer({
                    status,
                    headers,
                    body: JSON.stringify(body ?? null)
                })
            }
        });
        return body;
    }
    async beforeApplicationShutdown() {
        this.stopped = true;
        await this.sweeping;
    }
    /** Starts a sweep of expired records when the last one is 10 minutes old; never waited for. */ sweepIfDue(now) {
        if (this.stopped || this.sweeping || now - this.sweptAt < SWEEP_EVERY_MS) return;
        this.sweptAt = now;
        this.sweeping = this.purgeOlderThan(new Date(now - RETENTION_MS).toISOString()).then((purged)=>{
            if (purged > 0) this.logger.log(`purged ${purged} idempotency records older than 24 hours`);
        }).catch((error)=>this.logger.warn(`idempotency sweep failed: ${error instanceof Error ? error.message : String(error)}`)).finally(()=>this.sweeping = undefined);
    }
    /** Deletes records created before `cutoff` (an ISO time), in batches, yielding between them. */ async purgeOlderThan(cutoff) {
        const keys = this.store.collection(IDEMPOTENCY_COLLECTION);
        await keys.createIndex({
            createdAt: 1
        }, {
            name: 'createdAt'
        });
        let purged = 0;
        while(!this.stopped){
            const batch = await keys.find({
                createdAt: {
                    $lt: cutoff
                }
            }, {
                limit: SWEEP_BATCH,
                projection: {
                    _id: 1
                }
            });
            if (batch.length > 0) purged += await keys.deleteMany({
                _id: {
                    $in: batch.map((record)=>record._id)
                },
                createdAt: {
                    $lt: cutoff
                }
            });
            if (batch.length < SWEEP_BATCH) break;
            await new Promise((resolve)=>setImmediate(resolve));
        }
        return purged;
    }
    async claim(keys, record) {
        try {
            await keys.insertOne(record);
            return true;
        } catch (error) {
            if (error instanceof _readstoreport.DuplicateKeyError) return false;
            throw error;
        }
    }
};
IdempotencyInterceptor = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _readstoreport.ReadStore === "undefined" ? Object : _readstoreport.ReadStore,
        typeof _clock.Clock === "undefined" ? Object : _clock.Clock,
        typeof _core.Reflector === "undefined" ? Object : _core.Reflector
    ])
], IdempotencyInterceptor);

//# sourceMappingURL=idempotency.interceptor.js.map