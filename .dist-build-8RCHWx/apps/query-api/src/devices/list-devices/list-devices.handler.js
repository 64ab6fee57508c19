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
    get ListDevicesHandler () {
        return ListDevicesHandler;
    },
    get MAX_DEVICES_LISTED () {
        return MAX_DEVICES_LISTED;
    }
});
const _cqrs = require("@nestjs/cqrs");
const _readstoreport = require("../../../../../libs/platform/src/read-store/read-store.port");
const _readmodels = require("../../../../../libs/read-models/src");
const _listdevicesquery = require("./list-devices.query");
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
const MAX_DEVICES_LISTED = 10_000;
let ListDevicesHandler = class ListDevicesHandler {
    constructor(reads){
        this.reads = reads;
    }
    async execute({ venueId, status }) {
        const filter = {
            ...venueId === undefined ? {} : {
                venueId
            },
            ...status === undefined ? {} : {
                status
            }
        };
        const devices = await this.reads.collection((0, _readmodels.collectionName)(_readmodels.devicesDescriptor, _readmodels.DEVICES)).find(filter, {
            sort: {
                _id: 1
            },
            limit: MAX_DEVICES_LISTED,
            readOnly: true
        });
        const telemetry = devices.length ? await this.reads.collection(_readmodels.DEVICE_TELEMETRY).find({
            _id: {
                $in: devices.map((device)=>device._id)
            }
        }, {
            readOnly: true
        }) : [];
        const latest = new Map(telemetry.map((doc)=>[
                doc._id,
                doc
            ]));
        return {
            items: devices.map((device)=>{
                const seen = latest.get(device._id);
                return {
                    deviceId: device.deviceId,
                    venueId: device.venueId,
                    type: device.type,
                    name: device.name,
                    status: device.status,
                    lastSeenAt: seen?.lastSeenAt ?? null,
                    last: {
                        temperature: seen?.last.temperature ?? null,
                        battery: seen?.last.battery ?? null
                    },
                    openIncidents: device.openIncidents
                };
            })
        };
    }
};
ListDevicesHandler = _ts_decorate([
    (0, _cqrs.QueryHandler)(_listdevicesquery.ListDevicesQuery),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _readstoreport.ReadStore === "undefined" ? Object : _readstoreport.ReadStore
    ])
], ListDevicesHandler);

//# sourceMappingURL=list-devices.handler.js.map