/**
 * The MQTT topics of Tessera (API.md, Live feeds): what the notifier publishes under `tessera/`,
 * and the telemetry topic devices publish to. Each has a pattern (`{showId}` placeholders), the
 * name metrics and the AsyncAPI document use, and a builder. Ids become one topic level: a
 * character MQTT gives a meaning to (`/`, `+`, `#`) or a NUL is refused, never passed on.
 */ "use strict";
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
    get DEVICE_TELEMETRY_SUBSCRIPTION () {
        return DEVICE_TELEMETRY_SUBSCRIPTION;
    },
    get InvalidTopicLevelError () {
        return InvalidTopicLevelError;
    },
    get MQTT_TOPIC_PATTERNS () {
        return MQTT_TOPIC_PATTERNS;
    },
    get RETAINED_MQTT_TOPICS () {
        return RETAINED_MQTT_TOPICS;
    },
    get TESSERA_TOPIC_ROOT () {
        return TESSERA_TOPIC_ROOT;
    },
    get mqttTopics () {
        return mqttTopics;
    },
    get parseDeviceTelemetryTopic () {
        return parseDeviceTelemetryTopic;
    }
});
const MQTT_TOPIC_PATTERNS = {
    showAvailability: 'tessera/shows/{showId}/availability',
    bookingStatus: 'tessera/bookings/{bookingId}/status',
    incidentCreated: 'tessera/incidents/created',
    incidentStatusUpdated: 'tessera/incidents/status_updated',
    deviceStatus: 'tessera/devices/{deviceId}/status',
    deviceTelemetry: 'venues/{venueId}/devices/{type}/{deviceId}/telemetry'
};
const RETAINED_MQTT_TOPICS = [
    'showAvailability',
    'deviceStatus'
];
const TESSERA_TOPIC_ROOT = 'tessera';
let InvalidTopicLevelError = class InvalidTopicLevelError extends Error {
    constructor(value){
        super(`${JSON.stringify(value)} cannot be an MQTT topic level`);
        this.name = 'InvalidTopicLevelError';
    }
};
const level = (value)=>{
    if (value === '' || /[/+#]/.test(value) || value.includes('\u0000')) throw new InvalidTopicLevelError(value);
    return value;
};
const mqttTopics = {
    showAvailability: (showId)=>`tessera/shows/${level(showId)}/availability`,
    bookingStatus: (bookingId)=>`tessera/bookings/${level(bookingId)}/status`,
    incidentCreated: ()=>'tessera/incidents/created',
    incidentStatusUpdated: ()=>'tessera/incidents/status_updated',
    deviceStatus: (deviceId)=>`tessera/devices/${level(deviceId)}/status`,
    deviceTelemetry: (device)=>`venues/${level(device.venueId)}/devices/${level(device.type)}/${level(device.deviceId)}/telemetry`
};
const DEVICE_TELEMETRY_SUBSCRIPTION = 'venues/+/devices/+/+/telemetry';
const parseDeviceTelemetryTopic = (topic)=>{
    const match = /^venues\/([^/+#]+)\/devices\/([^/+#]+)\/([^/+#]+)\/telemetry$/.exec(topic);
    return match ? {
        venueId: match[1],
        type: match[2],
        deviceId: match[3]
    } : undefined;
};

//# sourceMappingURL=mqtt-topics.js.map