"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "buildAsyncApiDocument", {
    enumerable: true,
    get: function() {
        return buildAsyncApiDocument;
    }
});
const _mqttmessages = require("./mqtt-messages");
const _deviceevents = require("../venue-ops/device.events");
const _incidentevents = require("../venue-ops/incident.events");
const _mqtttopics = require("./mqtt-topics");
const isoTime = {
    type: 'string',
    format: 'date-time'
};
const id = {
    type: 'string',
    minLength: 1
};
const count = {
    type: 'integer',
    minimum: 0
};
/** `{ id, type, occurredAt, data }`: the envelope of every message under `tessera/`. */ const envelope = (description, types, data)=>({
        type: 'object',
        description,
        required: [
            'id',
            'type',
            'occurredAt',
            'data'
        ],
        additionalProperties: false,
        properties: {
            id: {
                ...id,
                description: 'The id of the event the message comes from: the same on every redelivery, so a subscriber drops duplicates by it.'
            },
            type: {
                type: 'string',
                enum: [
                    ...types
                ],
                description: 'The type of that event.'
            },
            occurredAt: {
                ...isoTime,
                description: 'When the event happened.'
            },
            data
        }
    });
const looseObject = (required, properties)=>({
        type: 'object',
        required,
        additionalProperties: false,
        properties
    });
const incidentStatus = {
    type: 'string',
    enum: [
        ..._incidentevents.INCIDENT_STATUSES
    ]
};
const deviceStatus = {
    type: 'string',
    enum: [
        ..._deviceevents.DEVICE_STATUSES
    ]
};
const deadlines = looseObject([
    'acknowledgeBy',
    'resolveBy'
], {
    acknowledgeBy: isoTime,
    resolveBy: isoTime
});
const PAYLOADS = {
    showAvailability: envelope('The seats still available of a show, as the show detail (GET /api/shows/{showId}) counts them. Retained: a new subscriber gets the current counts at once.', _mqttmessages.AVAILABILITY_EVENT_TYPES, {
        type: 'object',
        required: [
            'showId',
            'status',
            'capacity',
            'available',
            'byCategory'
        ],
        additionalProperties: false,
        properties: {
            showId: id,
            status: {
                type: 'string',
                enum: [
                    'on_sale',
                    'cancelled'
                ]
            },
            capacity: count,
            available: count,
            byCategory: {
                type: 'array',
                items: looseObject([
                    'categoryId',
                    'capacity',
                    'available'
                ], {
                    categoryId: id,
                    capacity: count,
                    available: count
                })
            }
        }
    }),
    bookingStatus: envelope('A booking changed status.', _mqttmessages.BOOKING_STATUS_EVENT_TYPES, looseObject([
        'bookingId',
        'showId',
        'status'
    ], {
        bookingId: id,
        showId: id,
        status: {
            type: 'string',
            enum: [
                'pending',
                'held',
                'confirmed',
                'expired',
                'cancelled',
                'refunded',
                'rejected'
            ]
        }
    })),
    incidentCreated: envelope('An incident was reported (by a fan, staff or a device rule). Never the reporter nor the description: no user ids or free text a fan typed.', [
        _mqttmessages.INCIDENT_REPORTED
    ], looseObject([
        'incidentId',
        'source',
        'title',
        'category',
        'urgency',
        'impact',
        'priority',
        'severity',
        'status',
        'location',
        'reportedAt',
        'deadlines'
    ], {
        incidentId: id,
        source: {
            type: 'string',
            enum: [
                'report',
                'device'
            ]
        },
        title: {
            type: 'string',
            minLength: 1
        },
        category: {
            type: 'string',
            enum: [
                ..._incidentevents.INCIDENT_CATEGORIES
            ]
        },
        urgency: {
            type: 'string',
            enum: [
                ..._incidentevents.INCIDENT_URGENCIES
            ]
        },
        impact: {
            type: 'string',
            enum: [
                ..._incidentevents.INCIDENT_IMPACTS
            ]
        },
        priority: {
            type: 'string',
            enum: [
                ..._incidentevents.INCIDENT_PRIORITIES
            ]
        },
        severity: {
            type: 'string',
            enum: [
                ..._incidentevents.INCIDENT_SEVERITIES
            ]
        },
        status: {
            type: 'string',
            enum: [
                'new'
            ]
        },
        location: looseObject([], {
            showId: id,
            seatId: id,
            area: {
                type: 'string'
            }
        }),
        reportedAt: isoTime,
        deadlines,
        venueId: id,
        deviceId: id,
        deviceType: {
            type: 'string',
            enum: [
                ..._deviceevents.DEVICE_TYPES
            ]
        },
        ruleId: id
    })),
    incidentStatusUpdated: envelope("An incident's status moved (every move, a reopen and a device's auto-resolution too). Never who moved it nor the reporter.", [
        _mqttmessages.INCIDENT_STATUS_CHANGED
    ], looseObject([
        'incidentId',
        'from',
        'to',
        'status',
        'at',
        'severity',
        'deadlines'
    ], {
        incidentId: id,
        from: incidentStatus,
        to: incidentStatus,
        status: {
            ...incidentStatus,
            description: 'The status now (= to).'
        },
        at: isoTime,
        severity: {
            type: 'string',
            enum: [
                ..._incidentevents.INCIDENT_SEVERITIES
            ]
        },
        deadlines,
        reason: {
            type: 'string',
            enum: [
                'device_cleared'
            ]
        },
        venueId: id,
        deviceId: id
    })),
    deviceStatus: envelope("A device's status changed. Retained: `status` is the device's current status.", [
        _mqttmessages.DEVICE_STATUS_CHANGED
    ], looseObject([
        'deviceId',
        'venueId',
        'type',
        'from',
        'to',
        'status',
        'at'
    ], {
        deviceId: id,
        venueId: id,
        type: {
            type: 'string',
            enum: [
                ..._deviceevents.DEVICE_TYPES
            ]
        },
        from: deviceStatus,
        to: deviceStatus,
        status: deviceStatus,
        at: isoTime
    })),
    deviceTelemetry: (()=>{
        const reading = looseObject([
            'status',
            'at'
        ], {
            status: {
                type: 'string',
                enum: [
                    'online',
                    'degraded',
                    'offline'
                ]
            },
            temperature: {
                type: 'number'
            },
            battery: {
                type: 'number',
                minimum: 0,
                maximum: 100
            },
            errorRate: {
                type: 'number',
                minimum: 0,
                maximum: 1
            },
            at: isoTime
        });
        return {
            description: 'A reading, or up to 500 of them: the body of POST /api/devices/{deviceId}/telemetry.',
            oneOf: [
                reading,
                {
                    type: 'array',
                    minItems: 1,
                    maxItems: 500,
                    items: reading
                }
            ]
        };
    })(),
    liveEvent: {
        type: 'object',
        description: 'One event of the log, as the stream sends it in `data:`; the SSE `id:` is its global position and `event:` its type.',
        required: [
            'id',
            'type',
            'stream',
            'occurredAt',
            'data'
        ],
        additionalProperties: false,
        properties: {
            id,
            type: {
                type: 'string',
                pattern: '^[a-z][a-z0-9_.-]*\\.v[0-9]+$'
            },
            stream: id,
            occurredAt: isoTime,
            data: {}
        }
    }
};
const SCHEMA_NAMES = {
    showAvailability: 'ShowAvailabilityPayload',
    bookingStatus: 'BookingStatusPayload',
    incidentCreated: 'IncidentCreatedPayload',
    incidentStatusUpdated: 'IncidentStatusUpdatedPayload',
    deviceStatus: 'DeviceStatusPayload',
    deviceTelemetry: 'DeviceTelemetryPayload',
    liveEvent: 'LiveEvent'
};
const PARAMETERS = {
    showId: 'The show.',
    bookingId: 'The booking.',
    deviceId: 'The device.',
    venueId: "The device's venue.",
    type: "The device's type: gate_scanner, turnstile, pos, sensor or display."
};
const MQTT_CHANNELS = [
    {
        name: 'showAvailability',
        title: 'Show availability',
        retained: true,
        action: 'send'
    },
    {
        name: 'bookingStatus',
        title: 'Booking status',
        retained: false,
        action: 'send'
    },
    {
        name: 'incidentCreated',
        title: 'Incident created',
        retained: false,
        action: 'send'
    },
    {
        name: 'incidentStatusUpdated',
        title: 'Incident status updated',
        retained: false,
        action: 'send'
    },
    {
        name: 'deviceStatus',
        title: 'Device status',
        retained: true,
        action: 'send'
    },
    {
        name: 'deviceTelemetry',
        title: 'Device telemetry',
        retained: false,
        action: 'receive'
    }
];
const buildAsyncApiDocument = (options)=>{
    const channels = {};
    const operations = {};
    const messages = {};
    for (const channel of MQTT_CHANNELS){
        const address = _mqtttopics.MQTT_TOPIC_PATTERNS[channel.name];
        const parameters = Object.fromEntries([
            ...address.matchAll(/\{(\w+)\}/g)
        ].map(([, name])=>[
                name,
                {
                    description: PARAMETERS[name]
                }
            ]));
        messages[channel.name] = {
            name: channel.name,
            title: channel.title,
            contentType: 'application/json',
            payload: {
                $ref: `#/components/schemas/${SCHEMA_NAMES[channel.name]}`
            }
        };
        channels[channel.name] = {
            address,
            title: channel.title,
            servers: [
                {
                    $ref: '#/servers/mqtt'
                }
            ],
            ...Object.keys(parameters).length > 0 ? {
                parameters
            } : {},
            messages: {
                [channel.name]: {
                    $ref: `#/components/messages/${channel.name}`
                }
            }
        };
        operations[`${channel.action}${channel.name[0].toUpperCase()}${channel.name.slice(1)}`] = {
            action: channel.action,
            channel: {
                $ref: `#/channels/${channel.name}`
            },
            summary: channel.action === 'send' ? `The notifier publishes at QoS 1${channel.retained ? ', retained' : ''}.` : 'Devices publish at QoS 1 (username = deviceId, password = deviceKey on the embedded broker), only to their own topic; Tessera subscribes to venues/+/devices/+/+/telemetry.',
            messages: [
                {
                    $ref: `#/channels/${channel.name}/messages/${channel.name}`
                }
            ],
            bindings: {
                mqtt: {
                    qos: 1,
                    retain: channel.retained,
                    bindingVersion: '0.2.0'
                }
            }
        };
    }
    messages.liveEvent = {
        name: 'liveEvent',
        title: 'Live event',
        contentType: 'application/json',
        payload: {
            $ref: '#/components/schemas/LiveEvent'
        }
    };
    channels.notificationStream = {
        address: '/api/notifications/stream',
        title: 'Notification stream (Server-Sent Events)',
        description: 'GET /api/notifications/stream?token=…&types=booking.*,incident.*&showId=… answers `text/event-stream`. The token is a one-minute, single-use token from POST /api/notifications/stream-tokens. ' + 'Staff and admin receive every event that passes the filters; a fan only events about their own bookings, tickets and incidents, plus seat availability of shows. ' + 'Each message has `id:` = the global position, `event:` = the type and `data:` = the event below; a reconnect with `Last-Event-ID` (or `?lastEventId=`) resumes after it by replaying the log. A `: heartbeat` comment comes every 15 s; a bad token answers 401 before the stream opens.',
        servers: [
            {
                $ref: '#/servers/http'
            }
        ],
        messages: {
            liveEvent: {
                $ref: '#/components/messages/liveEvent'
            }
        },
        bindings: {
            http: {
                method: 'GET',
                bindingVersion: '0.3.0'
            }
        }
    };
    operations.sendNotificationStream = {
        action: 'send',
        channel: {
            $ref: '#/channels/notificationStream'
        },
        summary: 'The server streams events to a signed-in client.',
        messages: [
            {
                $ref: '#/channels/notificationStream/messages/liveEvent'
            }
        ]
    };
    return {
        asyncapi: '3.0.0',
        info: {
            title: 'Tessera live feeds',
            version: options.version,
            description: 'The MQTT topics of the notifier (QoS 1; every payload is `{ id, type, occurredAt, data }` with `id` the event id, so subscribers drop duplicates), the device telemetry topic, and the SSE stream of the HTTP API.'
        },
        defaultContentType: 'application/json',
        servers: {
            mqtt: {
                host: options.mqttHost,
                protocol: 'mqtt',
                protocolVersion: '3.1.1',
                description: options.mqttDescription,
                security: [
                    {
                        $ref: '#/components/securitySchemes/mqttUser'
                    }
                ]
            },
            http: {
                host: 'localhost:3000',
                protocol: 'http',
                description: 'The HTTP API (the gateway, or the standalone server on PORT).'
            }
        },
        channels,
        operations,
        components: {
            schemas: Object.fromEntries(Object.entries(PAYLOADS).map(([name, schema])=>[
                    SCHEMA_NAMES[name],
                    schema
                ])),
            messages,
            securitySchemes: {
                mqttUser: {
                    type: 'userPassword',
                    description: 'On the embedded broker: a device (deviceId / deviceKey) or the integration user (MQTT_INTEGRATION_USERNAME / MQTT_INTEGRATION_PASSWORD), who may subscribe to tessera/# and never publish.'
                }
            }
        }
    };
};

//# sourceMappingURL=asyncapi.js.map