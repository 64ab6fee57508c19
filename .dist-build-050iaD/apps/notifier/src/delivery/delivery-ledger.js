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
    get DELIVERIES_COLLECTION () {
        return DELIVERIES_COLLECTION;
    },
    get DeliveryLedger () {
        return DeliveryLedger;
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
const DELIVERIES_COLLECTION = 'notifier-deliveries';
let DeliveryLedger = class DeliveryLedger {
    constructor(reads){
        this.records = reads.collection(DELIVERIES_COLLECTION);
    }
    async seen(channel, eventId) {
        return this.records.findOne({
            _id: keyOf(channel, eventId)
        }, {
            readOnly: true
        });
    }
    async record(channel, event, outcome, at, error) {
        const record = {
            _id: keyOf(channel, event.id),
            channel,
            eventId: event.id,
            type: event.type,
            stream: event.stream,
            position: event.position,
            outcome,
            at: at.toISOString(),
            ...error === undefined ? {} : {
                error
            }
        };
        await this.records.replaceOne({
            _id: record._id
        }, record, {
            upsert: true
        });
    }
    /**
   * Forgets deliveries recorded before `before` (failures are kept for operators). A redelivery
   * comes within minutes (an unacknowledged message's timeout, a retried batch, an outage's
   * restarts), so a day of records answers for it while the collection stays bounded by a day
   * of events rather than by the whole log. Returns how many went.
   */ async prune(before) {
        await (this.indexed ??= this.records.createIndex({
            outcome: 1,
            at: 1
        }, {
            name: 'by-outcome-and-time'
        }));
        return this.records.deleteMany({
            outcome: 'delivered',
            at: {
                $lt: before.toISOString()
            }
        });
    }
    count(channel, outcome) {
        return this.records.countDocuments({
            channel,
            outcome
        });
    }
};
DeliveryLedger = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _readstoreport.ReadStore === "undefined" ? Object : _readstoreport.ReadStore
    ])
], DeliveryLedger);
const keyOf = (channel, eventId)=>`${channel}:${eventId}`;

//# sourceMappingURL=delivery-ledger.js.map