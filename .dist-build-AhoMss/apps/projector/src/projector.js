"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "Projector", {
    enumerable: true,
    get: function() {
        return Projector;
    }
});
const _common = require("@nestjs/common");
const _eventstoreport = require("../../../libs/platform/src/event-store/event-store.port");
const _faultinjection = require("../../../libs/platform/src/fault-injection");
const _readstoreport = require("../../../libs/platform/src/read-store/read-store.port");
const _subscriptions = require("../../../libs/platform/src/subscriptions/subscriptions");
const _projectionengine = require("./projection-engine");
const _readmodels = require("../../../libs/read-models/src");
const _readmodels1 = require("./read-models");
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
/**
 * The projector: a handler on the platform subscription over the log (filtered to the projected
 * types), resuming from the lowest projection checkpoint and feeding batches to the projection
 * engine. Events that arrive together are applied together: one bulkWrite per collection, then
 * the checkpoints, which the engine writes beside the documents. /health is red until the first
 * catch-up is done, and while a batch fails (the subscription retries it, then restarts).
 */ /** Events applied in one batch at most (the catch-up pace). */ const MAX_BATCH = 2000;
/** How often the embedded read store is snapshotted while it changes. */ const SNAPSHOT_EVERY_MS = 30_000;
const canSnapshot = (store)=>typeof store.saveSnapshot === 'function';
let Projector = class Projector extends _readmodels.ProjectionProgress {
    constructor(events, reads, subscriptions){
        super(), this.events = events, this.reads = reads, this.logger = new _common.Logger('Projector'), this.snapshotted = 0, /** Crash tests: `projector:catch-up-batch` dies once the first batch of a catch-up is applied. */ this.crashPoints = new _faultinjection.CrashPoints();
        this.engine = new _projectionengine.ProjectionEngine(reads, _readmodels1.PROJECTIONS);
        this.subscription = subscriptions.create({
            name: 'projections',
            filter: (0, _projectionengine.filterOf)(_readmodels1.PROJECTIONS),
            maxBatch: MAX_BATCH,
            readiness: 'caught-up',
            // Each projection's checkpoint, for `projections status` against a running server.
            healthDetails: ()=>({
                    checkpoints: Object.fromEntries(this.engine.projections.map((projection)=>[
                            (0, _projectionengine.checkpointName)(projection),
                            String(this.engine.checkpointOf(projection))
                        ]))
                }),
            // Each projection's checkpoint is written with its documents, by the engine.
            checkpoint: {
                load: ()=>this.resumePosition(),
                save: async ()=>undefined
            },
            handler: {
                handle: (events, { live })=>this.apply(events, live)
            }
        });
        this.waiters = new _readmodels.PositionWaiters(events, (0, _projectionengine.filterOf)(_readmodels1.PROJECTIONS), async ()=>this.subscription.position);
        this.subscription.onAdvance(()=>this.waiters.advanced());
    }
    get projections() {
        return this.engine.projections;
    }
    async processedPosition() {
        return this.subscription.position;
    }
    waitFor(position, timeoutMs) {
        return this.waiters.waitFor(position, timeoutMs);
    }
    /** Called after each applied batch with the new position (tests, benchmarks). */ onAdvance(listener) {
        return this.subscription.onAdvance(listener);
    }
    async onApplicationBootstrap() {
        await this.start();
    }
    async beforeApplicationShutdown() {
        await this.stop();
    }
    async start() {
        await this.subscription.start();
        this.snapshotted = this.subscription.position;
        if (canSnapshot(this.reads)) {
            this.snapshotTimer = setInterval(()=>void this.snapshot(), SNAPSHOT_EVERY_MS);
            this.snapshotTimer.unref();
        }
    }
    async stop() {
        if (this.snapshotTimer) clearInterval(this.snapshotTimer);
        await this.subscription.stop();
        this.waiters.close();
        await this.snapshot();
    }
    /** Where the shared subscription resumes: the lowest checkpoint, once each is known to be sound. */ async resumePosition() {
        const head = await this.events.headPosition();
        const dropped = await this.engine.dropEarlierVersions();
        if (dropped.length > 0) this.logger.log(`dropped the collections of earlier read-model versions: ${dropped.join(', ')}`);
        await this.engine.load();
        for (const projection of this.engine.projections){
            // A checkpoint past the end of the log belongs to another log (a restored backup, a new
            // data folder), one inside positions a log repair removed counts lost events: these
            // documents cannot be trusted, so rebuild from the start.
            const checkpoint = this.engine.checkpointOf(projection);
            if (!await this.events.holdsCheckpoint(checkpoint)) {
                const why = checkpoint > head ? `is past the log head ${head}` : 'counts events a log repair removed';
                this.logger.warn(`${projection.name}: checkpoint ${checkpoint} ${why}; rebuilding from the log`);
                await this.engine.reset(projection);
            }
        }
        const from = this.engine.lowestCheckpoint();
        this.logger.log(`resuming from position ${from} (log head ${head})`);
        return from;
    }
    async apply(batch, live) {
        await this.engine.apply(batch);
        if (!live) this.crashPoints.reached('projector:catch-up-batch');
    }
    async snapshot() {
        const at = this.subscription.position;
        if (!canSnapshot(this.reads) || at === this.snapshotted) return;
        try {
            await this.reads.saveSnapshot();
            this.snapshotted = at;
        } catch (error) {
            this.logger.warn(`read-model snapshot failed: ${String(error)}`);
        }
    }
};
Projector = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _eventstoreport.EventStore === "undefined" ? Object : _eventstoreport.EventStore,
        typeof _readstoreport.ReadStore === "undefined" ? Object : _readstoreport.ReadStore,
        typeof _subscriptions.Subscriptions === "undefined" ? Object : _subscriptions.Subscriptions
    ])
], Projector);

//# sourceMappingURL=projector.js.map