"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "EmailChannel", {
    enumerable: true,
    get: function() {
        return EmailChannel;
    }
});
const _common = require("@nestjs/common");
const _platformmodule = require("../../../../libs/platform/src/platform.module");
const _clock = require("../../../../libs/platform/src/time/clock");
const _notificationchannel = require("../channels/notification-channel");
const _emaildrafts = require("./email-drafts");
const _facts = require("./facts");
const _outbox = require("./outbox");
const _outboxsender = require("./outbox-sender");
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
let EmailChannel = class EmailChannel {
    constructor(channels, facts, outbox, sender, clock, config){
        this.channels = channels;
        this.facts = facts;
        this.outbox = outbox;
        this.sender = sender;
        this.clock = clock;
        this.config = config;
        this.logger = new _common.Logger('Email');
        this.name = 'email';
        this.filter = {
            eventTypes: _emaildrafts.EMAIL_EVENT_TYPES
        };
    }
    onModuleInit() {
        this.channels.register(this);
    }
    async deliver(event) {
        const plan = await (0, _emaildrafts.planEmails)(event, this.facts);
        for (const id of plan.cancel)await this.outbox.cancel(id);
        const maxAgeMs = this.config.MAIL_MAX_EVENT_AGE_HOURS * 3_600_000;
        if (maxAgeMs > 0 && this.clock.now().getTime() - Date.parse(event.metadata.occurredAt) > maxAgeMs) {
            if (plan.drafts.length > 0) this.logger.debug({
                eventId: event.id,
                type: event.type
            }, 'event older than MAIL_MAX_EVENT_AGE_HOURS: no e-mail');
            return;
        }
        let written = false;
        for (const draft of plan.drafts)if (await this.outbox.enqueue(draft, this.clock.now())) written = true;
        if (written) this.sender.wake();
    }
};
EmailChannel = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_param(5, (0, _platformmodule.InjectConfig)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _notificationchannel.NotificationChannels === "undefined" ? Object : _notificationchannel.NotificationChannels,
        typeof _facts.NotificationFacts === "undefined" ? Object : _facts.NotificationFacts,
        typeof _outbox.Outbox === "undefined" ? Object : _outbox.Outbox,
        typeof _outboxsender.OutboxSender === "undefined" ? Object : _outboxsender.OutboxSender,
        typeof _clock.Clock === "undefined" ? Object : _clock.Clock,
        typeof TesseraConfig === "undefined" ? Object : TesseraConfig
    ])
], EmailChannel);

//# sourceMappingURL=email.channel.js.map