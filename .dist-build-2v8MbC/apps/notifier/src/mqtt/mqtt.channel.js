"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "MqttChannel", {
    enumerable: true,
    get: function() {
        return MqttChannel;
    }
});
const _common = require("@nestjs/common");
const _contracts = require("../../../../libs/contracts/src");
const _mqttconnection = require("../../../../libs/platform/src/mqtt/mqtt-connection");
const _notificationchannel = require("../channels/notification-channel");
const _showavailabilityfeed = require("./show-availability.feed");
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
let MqttChannel = class MqttChannel {
    constructor(channels, connection, availability){
        this.channels = channels;
        this.connection = connection;
        this.availability = availability;
        this.name = 'mqtt';
        this.filter = {
            eventTypes: _contracts.MQTT_EVENT_TYPES
        };
    }
    onModuleInit() {
        this.channels.register(this);
    }
    async deliver(event) {
        try {
            const showId = (0, _contracts.availabilityShowOf)(event);
            await Promise.all([
                ...(0, _contracts.mqttMessagesOf)(event).map((message)=>this.connection.publish(message)),
                ...showId ? [
                    this.availability.publishAfter(event, showId)
                ] : []
            ]);
        } catch (error) {
            if (error instanceof _notificationchannel.RetryableDeliveryError || error instanceof _notificationchannel.PermanentDeliveryError) throw error;
            // An id no topic can carry will not get better by waiting.
            if (error instanceof _contracts.InvalidTopicLevelError) throw new _notificationchannel.PermanentDeliveryError(error.message);
            throw new _notificationchannel.RetryableDeliveryError(`MQTT delivery of ${event.type} ${event.id}: ${error instanceof Error ? error.message : String(error)}`);
        }
    }
};
MqttChannel = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _notificationchannel.NotificationChannels === "undefined" ? Object : _notificationchannel.NotificationChannels,
        typeof _mqttconnection.MqttConnection === "undefined" ? Object : _mqttconnection.MqttConnection,
        typeof _showavailabilityfeed.ShowAvailabilityFeed === "undefined" ? Object : _showavailabilityfeed.ShowAvailabilityFeed
    ])
], MqttChannel);

//# sourceMappingURL=mqtt.channel.js.map