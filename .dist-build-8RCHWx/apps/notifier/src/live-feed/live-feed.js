"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "LiveFeed", {
    enumerable: true,
    get: function() {
        return LiveFeed;
    }
});
const _common = require("@nestjs/common");
const _contracts = require("../../../../libs/contracts/src");
const _tokenepochs = require("../../../../libs/platform/src/auth/token-epochs");
const _eventstoreport = require("../../../../libs/platform/src/event-store/event-store.port");
const _metrics = require("../../../../libs/platform/src/observability/metrics");
const _platformmodule = require("../../../../libs/platform/src/platform.module");
const _subscriptions = require("../../../../libs/platform/src/subscriptions/subscriptions");
const _promclient = require("prom-client");
const _nodeperf_hooks = require("node:perf_hooks");
const _eventowners = require("./event-owners");
const _feedentry = require("./feed-entry");
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
let LiveFeed = class LiveFeed {
    constructor(events, subscriptions, metrics, epochs, config){
        this.events = events;
        this.epochs = epochs;
        this.logger = new _common.Logger('LiveFeed');
        this.clients = new Set();
        this.filter = {
            eventTypes: _contracts.LIVE_FEED_EVENT_TYPES
        };
        /** The last position handed to the clients. */ this.dispatched = 0;
        /** Entries made ready and not yet handed out, up to `pendingUpTo`: they go out together. */ this.pending = [];
        this.pendingUpTo = 0;
        this.flushScheduled = false;
        /** When the clients were last written to (performance.now()). */ this.lastFlushAt = Number.NEGATIVE_INFINITY;
        /** A client whose pending bytes passed the bound, or every client on shutdown. */ this.cut = (client, reason)=>{
            if (client.closed) return;
            this.cuts.inc({
                reason
            });
            this.clients.delete(client);
            client.stream.close();
        };
        this.flushMs = config.SSE_FLUSH_MS;
        this.owners = new _eventowners.EventOwners(events);
        this.subscription = subscriptions.create({
            name: 'live-feed',
            filter: this.filter,
            // Starts at the head on every start; nothing is saved.
            checkpoint: {
                load: async ()=>this.dispatched = await events.headPosition(),
                save: async ()=>undefined
            },
            handler: {
                handle: (batch)=>this.dispatch(batch)
            }
        });
        const clients = this.clients;
        if (!metrics.registry.getSingleMetric('tessera_sse_clients')) {
            new _promclient.Gauge({
                name: 'tessera_sse_clients',
                help: 'Clients connected to the live stream (GET /api/notifications/stream)',
                registers: [
                    metrics.registry
                ],
                collect () {
                    this.set(clients.size);
                }
            });
        }
        this.sent = metrics.counter('tessera_sse_events_sent_total', 'Messages sent on the live stream, over all clients');
        this.cuts = metrics.counter('tessera_sse_clients_cut_total', 'Live stream clients cut by the server, by reason (slow: their buffer passed SSE_MAX_BUFFER_BYTES; revoked: a sign-out or role change; shutdown)', [
            'reason'
        ]);
    }
    async onApplicationBootstrap() {
        await this.subscription.start();
        // A stream outlives its one-minute token: a sign-out or role change since it opened ends it.
        this.revocationCheck = setInterval(()=>this.cutRevoked(), REVOCATION_CHECK_MS);
        this.revocationCheck.unref();
    }
    /** Streams end first, at once: an open stream never holds up the shutdown. */ async beforeApplicationShutdown() {
        clearInterval(this.revocationCheck);
        this.disconnectAll('shutdown');
        await this.subscription.stop();
    }
    onModuleDestroy() {
        this.disconnectAll('shutdown');
    }
    get clientCount() {
        return this.clients.size;
    }
    /** The last position handed to the clients (for tests and the benchmark). */ get position() {
        return this.dispatched;
    }
    /**
   * Starts feeding a client: live at once without `after`, or after replaying the log from
   * `after` (its Last-Event-ID). Resolves once it is live (or gone).
   */ async attach(client, after) {
        this.clients.add(client);
        client.stream.onClose(()=>this.clients.delete(client));
        if (after === undefined || after >= this.dispatched) {
            client.lastSent = Math.max(after ?? this.dispatched, this.dispatched);
            return;
        }
        client.lastSent = after;
        client.startReplay();
        const until = this.dispatched;
        const eventTypes = client.replayTypes(_contracts.LIVE_FEED_EVENT_TYPES);
        try {
            for await (const event of eventTypes.length === 0 ? [] : this.events.readAll({
                after,
                filter: {
                    eventTypes
                }
            })){
                if (client.closed || event.position > until) break;
                const entry = await (0, _feedentry.feedEntryOf)(event, this.owners);
                const frame = client.frameFor(entry);
                if (!frame) continue;
                this.sent.inc();
                if (!client.writeReplayed(entry, frame)) await client.stream.drained();
            }
        } catch (error) {
            this.logger.warn(`replay after ${after} failed; the client can resume: ${error.message}`);
            client.stream.close();
            return;
        }
        this.sent.inc(client.goLive());
    }
    /**
   * The handler of the subscription: each event is made ready once, then batches go out together,
   * one socket write per client at most every SSE_FLUSH_MS (instead of one per batch).
   */ async dispatch(batch) {
        const last = batch[batch.length - 1].position;
        for (const event of batch)this.owners.learn(event);
        if (this.clients.size === 0 && this.pending.length === 0) {
            this.dispatched = last;
            return;
        }
        for (const event of batch)this.pending.push(await (0, _feedentry.feedEntryOf)(event, this.owners));
        this.pendingUpTo = last;
        if (this.flushScheduled) return;
        this.flushScheduled = true;
        // At most one write per client per SSE_FLUSH_MS: after a quiet spell at once, else with what
        // the rest of that time brings.
        const wait = this.lastFlushAt + this.flushMs - _nodeperf_hooks.performance.now();
        if (wait <= 0) setImmediate(()=>this.flush());
        else setTimeout(()=>this.flush(), wait).unref();
    }
    flush() {
        this.flushScheduled = false;
        this.lastFlushAt = _nodeperf_hooks.performance.now();
        const entries = this.pending;
        this.pending = [];
        if (entries.length === 0) return;
        const batch = new _feedentry.FeedBatch(entries);
        let sent = 0;
        // Synchronous: no client attaches between the hand-out and moving `dispatched`.
        for (const client of this.clients)sent += client.deliver(batch);
        this.dispatched = this.pendingUpTo;
        if (sent > 0) this.sent.inc(sent);
    }
    /** Cuts the streams of users whose tokens were revoked after their stream token was issued. */ cutRevoked() {
        for (const client of [
            ...this.clients
        ]){
            if (!this.epochs.isCurrent(client.viewer.userId, client.viewer.epoch)) this.cut(client, 'revoked');
        }
    }
    /** Ends every stream now; each client may come back with its Last-Event-ID. */ disconnectAll(reason = 'shutdown') {
        for (const client of [
            ...this.clients
        ])this.cut(client, reason);
    }
};
LiveFeed = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_param(4, (0, _platformmodule.InjectConfig)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _eventstoreport.EventStore === "undefined" ? Object : _eventstoreport.EventStore,
        typeof _subscriptions.Subscriptions === "undefined" ? Object : _subscriptions.Subscriptions,
        typeof _metrics.Metrics === "undefined" ? Object : _metrics.Metrics,
        typeof _tokenepochs.TokenEpochs === "undefined" ? Object : _tokenepochs.TokenEpochs,
        typeof TesseraConfig === "undefined" ? Object : TesseraConfig
    ])
], LiveFeed);
const REVOCATION_CHECK_MS = 5_000;

//# sourceMappingURL=live-feed.js.map