"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "GetMeHandler", {
    enumerable: true,
    get: function() {
        return GetMeHandler;
    }
});
const _cqrs = require("@nestjs/cqrs");
const _domain = require("../../../../../libs/domain/src");
const _eventstoreport = require("../../../../../libs/platform/src/event-store/event-store.port");
const _accountsstreams = require("../accounts.streams");
const _mequery = require("./me.query");
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
let GetMeHandler = class GetMeHandler {
    constructor(store){
        this.store = store;
    }
    async execute({ userId }) {
        const { state } = await (0, _accountsstreams.loadAccount)(this.store, userId);
        if (state.status !== 'registered') throw new _domain.DomainError('USER_NOT_FOUND', 'No such user.');
        return {
            userId: state.userId,
            email: state.email,
            displayName: state.displayName,
            roles: [
                ...state.roles
            ]
        };
    }
};
GetMeHandler = _ts_decorate([
    (0, _cqrs.QueryHandler)(_mequery.GetMeQuery),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _eventstoreport.EventStore === "undefined" ? Object : _eventstoreport.EventStore
    ])
], GetMeHandler);

//# sourceMappingURL=me.handler.js.map