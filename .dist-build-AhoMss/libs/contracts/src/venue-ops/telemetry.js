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
    get MAX_CLOCK_AHEAD_MS () {
        return MAX_CLOCK_AHEAD_MS;
    },
    get MAX_READINGS_PER_BODY () {
        return MAX_READINGS_PER_BODY;
    },
    get TELEMETRY_TOPIC_FILTER () {
        return TELEMETRY_TOPIC_FILTER;
    },
    get parseTelemetry () {
        return parseTelemetry;
    },
    get parseTelemetryTopic () {
        return parseTelemetryTopic;
    },
    get telemetryTopic () {
        return telemetryTopic;
    }
});
const _deviceevents = require("./device.events");
const MAX_READINGS_PER_BODY = 500;
const MAX_CLOCK_AHEAD_MS = 5 * 60_000;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;
const FIELDS = new Set([
    'status',
    'temperature',
    'battery',
    'errorRate',
    'at'
]);
const isObject = (value)=>typeof value === 'object' && value !== null && !Array.isArray(value);
const checkNumber = (errors, field, value, min, max)=>{
    if (value === undefined) return;
    if (typeof value !== 'number' || !Number.isFinite(value)) errors.push({
        field,
        message: 'must be a number'
    });
    else if (value < min || value > max) errors.push({
        field,
        message: `must be between ${min} and ${max}`
    });
};
const readingOf = (value, prefix, now, errors)=>{
    if (!isObject(value)) {
        errors.push({
            field: prefix || 'body',
            message: 'must be an object'
        });
        return undefined;
    }
    const before = errors.length;
    const name = (field)=>prefix ? `${prefix}.${field}` : field;
    for (const key of Object.keys(value))if (!FIELDS.has(key)) errors.push({
        field: name(key),
        message: 'is not allowed'
    });
    const { status, temperature, battery, errorRate, at } = value;
    if (status === undefined) errors.push({
        field: name('status'),
        message: 'is required'
    });
    else if (!_deviceevents.READING_STATUSES.includes(status)) errors.push({
        field: name('status'),
        message: `must be one of ${_deviceevents.READING_STATUSES.join(', ')}`
    });
    checkNumber(errors, name('temperature'), temperature, -100, 1000);
    checkNumber(errors, name('battery'), battery, 0, 100);
    checkNumber(errors, name('errorRate'), errorRate, 0, 1);
    if (at === undefined) errors.push({
        field: name('at'),
        message: 'is required'
    });
    else if (typeof at !== 'string' || !ISO_UTC.test(at) || Number.isNaN(Date.parse(at))) errors.push({
        field: name('at'),
        message: 'must be an ISO 8601 UTC date-time'
    });
    else if (Date.parse(at) > now + MAX_CLOCK_AHEAD_MS) errors.push({
        field: name('at'),
        message: 'must not be more than 5 minutes in the future'
    });
    if (errors.length > before) return undefined;
    return {
        status: status,
        at: at,
        ...temperature === undefined ? {} : {
            temperature: temperature
        },
        ...battery === undefined ? {} : {
            battery: battery
        },
        ...errorRate === undefined ? {} : {
            errorRate: errorRate
        }
    };
};
const parseTelemetry = (body, now)=>{
    const errors = [];
    if (Array.isArray(body)) {
        if (body.length === 0) return {
            errors: [
                {
                    field: 'body',
                    message: 'must hold at least one reading'
                }
            ]
        };
        if (body.length > MAX_READINGS_PER_BODY) return {
            errors: [
                {
                    field: 'body',
                    message: `must hold at most ${MAX_READINGS_PER_BODY} readings`
                }
            ]
        };
        const readings = [];
        for(let i = 0; i < body.length && errors.length < 20; i++){
            const reading = readingOf(body[i], `[${i}]`, now, errors);
            if (reading) readings.push(reading);
        }
        return errors.length > 0 ? {
            errors
        } : {
            readings
        };
    }
    const reading = readingOf(body, '', now, errors);
    return reading ? {
        readings: [
            reading
        ]
    } : {
        errors
    };
};
const telemetryTopic = (venueId, type, deviceId)=>`venues/${venueId}/devices/${type}/${deviceId}/telemetry`;
const TELEMETRY_TOPIC_FILTER = 'venues/+/devices/+/+/telemetry';
const TOPIC = /^venues\/([^/+#]+)\/devices\/([^/+#]+)\/([^/+#]+)\/telemetry$/;
const parseTelemetryTopic = (topic)=>{
    const match = TOPIC.exec(topic);
    return match ? {
        venueId: match[1],
        type: match[2],
        deviceId: match[3]
    } : null;
};

//# sourceMappingURL=telemetry.js.map