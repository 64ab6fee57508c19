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
    get AVAILABILITY_EVENT_TYPES () {
        return AVAILABILITY_EVENT_TYPES;
    },
    get BOOKING_STATUS_EVENT_TYPES () {
        return BOOKING_STATUS_EVENT_TYPES;
    },
    get DEVICE_STATUS_CHANGED () {
        return DEVICE_STATUS_CHANGED;
    },
    get INCIDENT_REPORTED () {
        return INCIDENT_REPORTED;
    },
    get INCIDENT_STATUS_CHANGED () {
        return INCIDENT_STATUS_CHANGED;
    },
    get MQTT_EVENT_TYPES () {
        return MQTT_EVENT_TYPES;
    },
    get availabilityShowOf () {
        return availabilityShowOf;
    },
    get mqttMessagesOf () {
        return mqttMessagesOf;
    },
    get showAvailabilityMessage () {
        return showAvailabilityMessage;
    }
});
const _seatevents = require("../box-office/seat.events");
const _mqtttopics = require("./mqtt-topics");
const INCIDENT_REPORTED = 'incident.reported.v1';
const INCIDENT_STATUS_CHANGED = 'incident.status_changed.v1';
const DEVICE_STATUS_CHANGED = 'device.status_changed.v1';
const BOOKING_STATUS_AFTER = {
    'booking.requested.v1': 'pending',
    'booking.placed.v1': 'held',
    'booking.confirmed.v1': 'confirmed',
    'booking.expired.v1': 'expired',
    'booking.cancelled.v1': 'cancelled',
    'booking.refunded.v1': 'refunded',
    'booking.rejected.v1': 'rejected'
};
const AVAILABILITY_EVENT_TYPES = [
    ..._seatevents.SEAT_EVENT_TYPES,
    'show.published.v1',
    'show.cancelled.v1'
];
const BOOKING_STATUS_EVENT_TYPES = Object.keys(BOOKING_STATUS_AFTER);
const MQTT_EVENT_TYPES = [
    ...AVAILABILITY_EVENT_TYPES,
    ...BOOKING_STATUS_EVENT_TYPES,
    INCIDENT_REPORTED,
    INCIDENT_STATUS_CHANGED,
    DEVICE_STATUS_CHANGED
];
const record = (value)=>value && typeof value === 'object' ? value : {};
/** The optional fields among `values` that are set: an absent field stays absent, never `undefined` in the JSON. */ const defined = (values)=>Object.fromEntries(Object.entries(values).filter(([, value])=>value !== undefined));
const incidentCreatedData = ({ data })=>({
        incidentId: data.incidentId,
        source: data.source,
        title: data.title,
        category: data.category,
        urgency: data.urgency,
        impact: data.impact,
        priority: data.priority,
        severity: data.severity,
        status: 'new',
        location: data.location,
        reportedAt: data.reportedAt,
        deadlines: data.deadlines,
        ...defined({
            venueId: data.venueId,
            deviceId: data.deviceId,
            deviceType: data.deviceType,
            ruleId: data.ruleId
        })
    });
const incidentStatusUpdatedData = ({ data })=>({
        incidentId: data.incidentId,
        from: data.from,
        to: data.to,
        status: data.to,
        at: data.at,
        severity: data.severity,
        deadlines: data.deadlines,
        ...defined({
            reason: data.reason,
            venueId: data.venueId,
            deviceId: data.deviceId
        })
    });
const deviceStatusData = ({ data })=>({
        deviceId: data.deviceId,
        venueId: data.venueId,
        type: data.deviceType,
        from: data.from,
        to: data.to,
        status: data.to,
        at: data.at
    });
const message = (name, topic, event, data)=>({
        topic,
        pattern: _mqtttopics.MQTT_TOPIC_PATTERNS[name],
        retain: _mqtttopics.RETAINED_MQTT_TOPICS.includes(name),
        payload: {
            id: event.id,
            type: event.type,
            occurredAt: event.metadata.occurredAt,
            data
        }
    });
const availabilityShowOf = (event)=>{
    if (!AVAILABILITY_EVENT_TYPES.includes(event.type)) return undefined;
    const showId = record(event.data).showId;
    return typeof showId === 'string' ? showId : undefined;
};
const showAvailabilityMessage = (event, show)=>show.status === 'draft' ? undefined : message('showAvailability', _mqtttopics.mqttTopics.showAvailability(show.showId), event, {
        showId: show.showId,
        status: show.status,
        capacity: show.capacity,
        available: show.available,
        byCategory: show.categories.map((category)=>({
                categoryId: category.id,
                capacity: category.capacity,
                available: category.available
            }))
    });
const mqttMessagesOf = (event)=>{
    const data = record(event.data);
    const status = BOOKING_STATUS_AFTER[event.type];
    if (status) {
        const { bookingId, showId } = data;
        if (typeof bookingId !== 'string' || typeof showId !== 'string') return [];
        return [
            message('bookingStatus', _mqtttopics.mqttTopics.bookingStatus(bookingId), event, {
                bookingId,
                showId,
                status
            })
        ];
    }
    // The log holds what the contracts say for these types: the union narrows by `type`.
    const venueOps = event;
    switch(venueOps.type){
        case INCIDENT_REPORTED:
            return [
                message('incidentCreated', _mqtttopics.mqttTopics.incidentCreated(), event, incidentCreatedData(venueOps))
            ];
        case INCIDENT_STATUS_CHANGED:
            return [
                message('incidentStatusUpdated', _mqtttopics.mqttTopics.incidentStatusUpdated(), event, incidentStatusUpdatedData(venueOps))
            ];
        case DEVICE_STATUS_CHANGED:
            return [
                message('deviceStatus', _mqtttopics.mqttTopics.deviceStatus(venueOps.data.deviceId), event, deviceStatusData(venueOps))
            ];
        default:
            return [];
    }
};

//# sourceMappingURL=mqtt-messages.js.map