"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "DevicesModule", {
    enumerable: true,
    get: function() {
        return DevicesModule;
    }
});
const _common = require("@nestjs/common");
const _cqrs = require("@nestjs/cqrs");
const _mqttconnection = require("../../../../libs/platform/src/mqtt/mqtt-connection");
const _mqttcredentials = require("../../../../libs/platform/src/mqtt/mqtt-credentials");
const _mqttmodule = require("../../../../libs/platform/src/mqtt/mqtt.module");
const _platformmodule = require("../../../../libs/platform/src/platform.module");
const _devicekeys = require("../../../../libs/platform/src/security/device-keys");
const _deviceauthentication = require("./record-telemetry/device-authentication");
const _mqtttelemetryingest = require("./record-telemetry/mqtt-telemetry-ingest");
const _recordtelemetryhandler = require("./record-telemetry/record-telemetry.handler");
const _recordtelemetryhttpcontroller = require("./record-telemetry/record-telemetry.http.controller");
const _telemetrysource = require("./record-telemetry/telemetry-source");
const _registerdevicehandler = require("./register-device/register-device.handler");
const _registerdevicehttpcontroller = require("./register-device/register-device.http.controller");
const _devicedirectory = require("./rule-engine/device-directory");
const _deviceruleengine = require("./rule-engine/device-rule-engine");
const _silencesweep = require("./rule-engine/silence-sweep");
const _setdeviceruleshandler = require("./set-device-rules/set-device-rules.handler");
const _setdeviceruleshttpcontroller = require("./set-device-rules/set-device-rules.http.controller");
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
let DevicesModule = class DevicesModule {
    constructor(authentication, credentials){
        this.authentication = authentication;
        this.credentials = credentials;
    }
    /** The embedded broker asks MqttCredentials: devices connect with their keys. */ onModuleInit() {
        this.credentials.useDeviceVerifier(async (deviceId, deviceKey)=>{
            const device = await this.authentication.verify(deviceId, deviceKey);
            return device && {
                deviceId: device.deviceId,
                venueId: device.venueId,
                type: device.deviceType
            };
        });
    }
};
DevicesModule = _ts_decorate([
    (0, _common.Module)({
        imports: [
            _cqrs.CqrsModule,
            _mqttmodule.MqttModule
        ],
        controllers: [
            _registerdevicehttpcontroller.RegisterDeviceHttpController,
            _recordtelemetryhttpcontroller.RecordTelemetryHttpController,
            _setdeviceruleshttpcontroller.SetDeviceRulesHttpController
        ],
        providers: [
            {
                provide: _devicekeys.DeviceKeys,
                inject: [
                    _platformmodule.CONFIG
                ],
                useFactory: (config)=>(0, _devicekeys.createDeviceKeys)({
                        secret: config.DEVICE_KEY_SECRET,
                        production: config.NODE_ENV === 'production',
                        logger: new _common.Logger('DeviceKeys')
                    })
            },
            {
                provide: _telemetrysource.TELEMETRY_SOURCE,
                inject: [
                    _mqttmodule.EMBEDDED_MQTT_BROKER,
                    _mqttconnection.MqttConnection
                ],
                useFactory: (broker, connection)=>broker ? (0, _telemetrysource.brokerTelemetrySource)(broker) : (0, _telemetrysource.connectionTelemetrySource)(connection)
            },
            _devicedirectory.DeviceDirectory,
            _deviceauthentication.DeviceAuthentication,
            _deviceruleengine.DeviceRuleEngine,
            _silencesweep.DeviceSilenceSweep,
            _mqtttelemetryingest.MqttTelemetryIngest,
            _registerdevicehandler.RegisterDeviceHandler,
            _recordtelemetryhandler.RecordTelemetryHandler,
            _setdeviceruleshandler.SetDeviceRulesHandler
        ],
        exports: [
            _deviceauthentication.DeviceAuthentication,
            _deviceruleengine.DeviceRuleEngine,
            _devicedirectory.DeviceDirectory,
            _mqtttelemetryingest.MqttTelemetryIngest,
            _silencesweep.DeviceSilenceSweep
        ]
    }),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _deviceauthentication.DeviceAuthentication === "undefined" ? Object : _deviceauthentication.DeviceAuthentication,
        typeof _mqttcredentials.MqttCredentials === "undefined" ? Object : _mqttcredentials.MqttCredentials
    ])
], DevicesModule);

//# sourceMappingURL=devices.module.js.map