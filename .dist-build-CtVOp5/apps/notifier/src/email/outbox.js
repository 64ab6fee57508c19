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
    get EMAIL_KINDS () {
        return EMAIL_KINDS;
    },
    get OUTBOX_COLLECTION () {
        return OUTBOX_COLLECTION;
    },
    get Outbox () {
        return Outbox;
    }
});
const _common = require("@nestjs/common");
const _readstoreport = require("../../../../libs/platform/src/read-store/read-store.port");
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
const EMAIL_KINDS = [
    'welcome',
    'booking-held',
    'hold-expiring',
    'booking-confirmed',
    'booking-expired',
    'refund',
    'show-cancelled',
    'ticket-sent',
    'ticket-received',
    'incident-status',
    'waitlist-offer'
];
const OUTBOX_COLLECTION = 'notifier-outbox';
let Outbox = class Outbox {
    constructor(reads){
        this.messages = reads.collection(OUTBOX_COLLECTION);
    }
    ensureIndexes() {
        this.indexed ??= Promise.all([
            this.messages.createIndex({
                status: 1,
                dueAt: 1
            }, {
                name: 'due'
            }),
            this.messages.createIndex({
                createdAt: -1
            }, {
                name: 'newest'
            }),
            this.messages.createIndex({
                to: 1,
                createdAt: -1
            }, {
                name: 'by-recipient'
            })
        ]).then(()=>undefined);
        return this.indexed;
    }
    /** Writes the draft unless a message with its id exists: drafting an e-mail twice sends it once. Returns whether it was new. */ async enqueue(draft, now) {
        const { _id, ...fields } = {
            ...draft,
            _id: draft.id,
            status: 'pending',
            attempts: 0,
            createdAt: now.toISOString(),
            sentAt: null,
            lastError: null
        };
        try {
            // The filter's _id becomes the new document's; MongoDB refuses _id inside the update.
            const result = await this.messages.updateOne({
                _id
            }, {
                $setOnInsert: fields
            }, {
                upsert: true
            });
            return result.upsertedId !== null;
        } catch (error) {
            // Two instances upserting the same new id at once: the other one wrote it.
            if (error instanceof _readstoreport.DuplicateKeyError) return false;
            throw error;
        }
    }
    /** Stops a message that is still waiting (a hold warning once the booking is paid or over). */ async cancel(id) {
        await this.messages.updateOne({
            _id: id,
            status: 'pending'
        }, {
            $set: {
                status: 'cancelled'
            }
        });
    }
    /** Messages due at `now`, earliest first. */ due(now, limit) {
        return this.messages.find({
            status: 'pending',
            dueAt: {
                $lte: now
            }
        }, {
            sort: {
                dueAt: 1
            },
            limit
        });
    }
    /** Takes `message` for one attempt until `leaseUntil`; false when another sender took it (or it changed) first. */ async claim(message, leaseUntil) {
        const result = await this.messages.updateOne({
            _id: message._id,
            status: 'pending',
            dueAt: message.dueAt,
            attempts: message.attempts
        }, {
            $set: {
                dueAt: leaseUntil
            },
            $inc: {
                attempts: 1
            }
        });
        return result.modifiedCount === 1;
    }
    async markSent(id, at) {
        await this.messages.updateOne({
            _id: id
        }, {
            $set: {
                status: 'sent',
                sentAt: at.toISOString(),
                lastError: null
            }
        });
    }
    async retryAt(id, dueAt, error, failure) {
        await this.messages.updateOne({
            _id: id,
            status: 'pending'
        }, {
            $set: {
                dueAt,
                lastError: error,
                refusals: failure.refusals,
                waitingForServer: failure.unreachable
            }
        });
    }
    /** Makes due now the messages that wait only because the server was unreachable. Returns how many. */ async resumeAfterOutage(now) {
        const result = await this.messages.updateMany({
            status: 'pending',
            waitingForServer: true,
            dueAt: {
                $gt: now
            }
        }, {
            $set: {
                dueAt: now,
                waitingForServer: false
            }
        });
        return result.modifiedCount;
    }
    async markFailed(id, error, refusals) {
        await this.messages.updateOne({
            _id: id
        }, {
            $set: {
                status: 'failed',
                lastError: error,
                refusals,
                waitingForServer: false
            }
        });
    }
    /**
   * What `GET /api/admin/outbox` lists, newest first: sent, failed, and pending messages that are
   * due or were tried (`retrying`). Hold warnings not yet due and cancelled ones are left out.
   */ list(query, now) {
        const filter = {
            $or: [
                {
                    status: {
                        $in: [
                            'sent',
                            'failed'
                        ]
                    }
                },
                {
                    status: 'pending',
                    $or: [
                        {
                            attempts: {
                                $gt: 0
                            }
                        },
                        {
                            dueAt: {
                                $lte: now
                            }
                        }
                    ]
                }
            ],
            ...query.to === undefined ? {} : {
                to: query.to
            }
        };
        return this.messages.find(filter, {
            sort: {
                createdAt: -1,
                _id: 1
            },
            limit: query.limit,
            readOnly: true
        });
    }
    count(filter) {
        return this.messages.countDocuments(filter);
    }
};
Outbox = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _readstoreport.ReadStore === "undefined" ? Object : _readstoreport.ReadStore
    ])
], Outbox);

//# sourceMappingURL=outbox.js.map