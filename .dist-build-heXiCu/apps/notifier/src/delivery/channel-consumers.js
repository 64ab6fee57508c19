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
    get ChannelConsumers () {
        return ChannelConsumers;
    },
    get channelGroupOf () {
        return channelGroupOf;
    }
});
const _common = require("@nestjs/common");
const _metrics = require("../../../../libs/platform/src/observability/metrics");
const _platformmodule = require("../../../../libs/platform/src/platform.module");
const _subscriptions = require("../../../../libs/platform/src/subscriptions/subscriptions");
const _clock = require("../../../../libs/platform/src/time/clock");
const _notificationchannel = require("../channels/notification-channel");
const _deliveryledger = require("./delivery-ledger");
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
const LEDGER_RETENTION_MS = 24 * 3_600_000;
const LEDGER_PRUNE_EVERY_MS = 10 * 60_000;
const channelGroupOf = (channel)=>`notifier-${channel}`;
let ChannelConsumers = class ChannelConsumers {
    constructor(channels, ledger, factory, clock, metrics, config){
        this.channels = channels;
        this.ledger = ledger;
        this.factory = factory;
        this.clock = clock;
        this.config = config;
        this.logger = new _common.Logger('Notifier');
        this.subscriptions = [];
        this.deliveries = metrics.counter('tessera_notifier_deliveries_total', 'Events handed to a notifier channel, by outcome: delivered, duplicate (delivered before: skipped), retried (failed, will be tried again), failed (parked)', [
            'channel',
            'outcome'
        ]);
    }
    /**
   * A consumer group where instances share a durable read store (MongoDB). On the embedded read
   * store, which a crash rolls back to its last snapshot (saved every 30 s), a group's position in
   * the log would run ahead of the outbox and the ledger, and what they lost would not come back;
   * there a channel reads alone with its checkpoint in the read store, so after a crash it
   * replays from where the snapshot left off: e-mails are written again (the same ids), none lost.
   */ get mode() {
        const chosen = this.config.NOTIFIER_CONSUMER;
        if (chosen !== 'auto') return chosen;
        return this.config.mode.readStore === 'embedded' ? 'single' : 'group';
    }
    /** After every module's onModuleInit, where channels register. */ async onApplicationBootstrap() {
        for (const channel of this.channels.all()){
            for (const outcome of [
                'delivered',
                'duplicate',
                'retried',
                'failed'
            ])this.deliveries.inc({
                channel: channel.name,
                outcome
            }, 0);
            const name = channelGroupOf(channel.name);
            const subscription = this.factory.create({
                name,
                filter: channel.filter,
                ...this.mode === 'group' ? {
                    group: {
                        name,
                        from: 'start',
                        maxRetries: this.config.NOTIFIER_MAX_DELIVERIES
                    }
                } : {
                    checkpoint: name
                },
                handler: {
                    handle: (events)=>this.deliverAll(channel, events)
                },
                healthDetails: ()=>({
                        channel: channel.name,
                        consumer: this.mode === 'group' ? `group ${name}` : `checkpoint ${name}`
                    })
            });
            this.subscriptions.push(subscription);
        }
        await Promise.all(this.subscriptions.map((subscription)=>subscription.start()));
        this.pruneTimer = setInterval(()=>void this.pruneLedger(), LEDGER_PRUNE_EVERY_MS);
        this.pruneTimer.unref();
        if (this.subscriptions.length > 0) this.logger.log(`delivering to ${this.channels.all().map((c)=>c.name).join(', ')}`);
    }
    /** Before the platform closes the stores (its onApplicationShutdown). */ async beforeApplicationShutdown() {
        clearInterval(this.pruneTimer);
        await Promise.all(this.subscriptions.map((subscription)=>subscription.stop()));
    }
    /** Forgets delivery records older than a day; every instance may run it, deleting twice changes nothing. */ async pruneLedger() {
        try {
            return await this.ledger.prune(new Date(this.clock.now().getTime() - LEDGER_RETENTION_MS));
        } catch (error) {
            this.logger.warn({
                err: error
            }, 'could not prune the delivery ledger; will try again');
            return 0;
        }
    }
    /** The subscription of a channel, for tests and diagnostics. */ subscriptionOf(channel) {
        return this.subscriptions.find((subscription)=>subscription.name === channelGroupOf(channel));
    }
    async deliverAll(channel, events) {
        for (const event of events)await this.deliverOnce(channel, event);
    }
    async deliverOnce(channel, event) {
        if (await this.ledger.seen(channel.name, event.id)) {
            this.deliveries.inc({
                channel: channel.name,
                outcome: 'duplicate'
            });
            return;
        }
        try {
            await channel.deliver(event);
        } catch (error) {
            if (error instanceof _notificationchannel.PermanentDeliveryError) {
                this.logger.warn({
                    channel: channel.name,
                    eventId: event.id,
                    type: event.type,
                    err: error
                }, 'the channel refused the event for good; parked');
                await this.ledger.record(channel.name, event, 'failed', this.clock.now(), error.message);
                this.deliveries.inc({
                    channel: channel.name,
                    outcome: 'failed'
                });
                return;
            }
            this.deliveries.inc({
                channel: channel.name,
                outcome: 'retried'
            });
            throw error;
        }
        await this.ledger.record(channel.name, event, 'delivered', this.clock.now());
        this.deliveries.inc({
            channel: channel.name,
            outcome: 'delivered'
        });
    }
};
ChannelConsumers = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_param(5, (0, _platformmodule.InjectConfig)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _notificationchannel.NotificationChannels === "undefined" ? Object : _notificationchannel.NotificationChannels,
        typeof _deliveryledger.DeliveryLedger === "undefined" ? Object : _deliveryledger.DeliveryLedger,
        typeof _subscriptions.Subscriptions === "undefined" ? Object : _subscriptions.Subscriptions,
        typeof _clock.Clock === "undefined" ? Object : _clock.Clock,
        typeof _metrics.Metrics === "undefined" ? Object : _metrics.Metrics,
        typeof TesseraConfig === "undefined" ? Object : TesseraConfig
    ])
], ChannelConsumers);

//# sourceMappingURL=channel-consumers.js.map