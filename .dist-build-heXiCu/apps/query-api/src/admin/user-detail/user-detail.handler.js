"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "UserDetailHandler", {
    enumerable: true,
    get: function() {
        return UserDetailHandler;
    }
});
const _cqrs = require("@nestjs/cqrs");
const _domain = require("../../../../../libs/domain/src");
const _readstoreport = require("../../../../../libs/platform/src/read-store/read-store.port");
const _userview = require("../user-view");
const _userdetailquery = require("./user-detail.query");
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
let UserDetailHandler = class UserDetailHandler {
    constructor(reads){
        this.reads = reads;
    }
    async execute({ userId }) {
        const doc = await (0, _userview.usersIn)(this.reads).findOne({
            _id: userId
        });
        if (!doc) throw new _domain.DomainError('USER_NOT_FOUND', `user ${userId} does not exist`, {
            userId
        });
        return (0, _userview.adminUserViewOf)(doc);
    }
};
UserDetailHandler = _ts_decorate([
    (0, _cqrs.QueryHandler)(_userdetailquery.UserDetailQuery),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _readstoreport.ReadStore === "undefined" ? Object : _readstoreport.ReadStore
    ])
], UserDetailHandler);

//# sourceMappingURL=user-detail.handler.js.map