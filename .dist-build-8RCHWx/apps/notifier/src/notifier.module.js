"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "NotifierModule", {
    enumerable: true,
    get: function() {
        return NotifierModule;
    }
});
const _common = require("@nestjs/common");
const _cqrs = require("@nestjs/cqrs");
const _mqttconnection = require("../../../libs/platform/src/mqtt/mqtt-connection");
const _mqttmodule = require("../../../libs/platform/src/mqtt/mqtt.module");
const _platformmodule = require("../../../libs/platform/src/platform.module");
const _readstoreport = require("../../../libs/platform/src/read-store/read-store.port");
const _seatlocksport = require("../../../libs/platform/src/seat-locks/seat-locks.port");
const _notificationchannelsmodule = require("./channels/notification-channels.module");
const _channelconsumers = require("./delivery/channel-consumers");
const _deliveryledger = require("./delivery/delivery-ledger");
const _emailmodule = require("./email/email.module");
const _livefeedmodule = require("./live-feed/live-feed.module");
const _mqttchannel = require("./mqtt/mqtt.channel");
const _showavailabilityfeed = require("./mqtt/show-availability.feed");
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
let NotifierModule = class NotifierModule {
};
NotifierModule = _ts_decorate([
    (0, _common.Module)({
        imports: [
            _cqrs.CqrsModule,
            _notificationchannelsmodule.NotificationChannelsModule,
            _emailmodule.EmailModule,
            _mqttmodule.MqttModule,
            _livefeedmodule.LiveFeedModule
        ],
        providers: [
            _deliveryledger.DeliveryLedger,
            _channelconsumers.ChannelConsumers,
            {
                provide: _showavailabilityfeed.ShowAvailabilityFeed,
                inject: [
                    _readstoreport.ReadStore,
                    _mqttconnection.MqttConnection,
                    _seatlocksport.SeatLocks,
                    _platformmodule.CONFIG
                ],
                useFactory: (reads, connection, locks, config)=>new _showavailabilityfeed.ShowAvailabilityFeed(reads, connection, locks, config.MQTT_PUBLISH_TIMEOUT_MS)
            },
            _mqttchannel.MqttChannel
        ]
    })
], NotifierModule);

//# sourceMappingURL=notifier.module.js.map