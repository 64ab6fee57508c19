"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "ChangeRolesHandler", {
    enumerable: true,
    get: function() {
        return ChangeRolesHandler;
    }
});
const _cqrs = require("@nestjs/cqrs");
const _contracts = require("../../../../../libs/contracts/src");
const _domain = require("../../../../../libs/domain/src");
const _tokenepochs = require("../../../../../libs/platform/src/auth/token-epochs");
const _handlecommand = require("../../../../../libs/platform/src/commands/handle-command");
const _eventstoreport = require("../../../../../libs/platform/src/event-store/event-store.port");
const _accountsstreams = require("../accounts.streams");
const _changerolescommand = require("./change-roles.command");
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
let ChangeRolesHandler = class ChangeRolesHandler {
    constructor(store, epochs){
        this.store = store;
        this.epochs = epochs;
    }
    execute({ userId, roles, context }) {
        const stream = (0, _contracts.accountStream)(userId);
        return (0, _handlecommand.handleCommand)(this.store, {
            context,
            attempts: 5,
            read: (streams)=>streams.read(stream, _accountsstreams.accountModel),
            decide: (account)=>{
                const events = (0, _domain.decideAccount)({
                    type: 'ChangeRoles',
                    data: {
                        roles,
                        byAdminId: context.actorId
                    }
                }, account.state);
                const after = events.reduce(_domain.evolveAccount, account.state);
                if (after.status !== 'registered') throw new Error('a role change left the account unregistered');
                if (events.length === 0) return {
                    answer: {
                        userId,
                        roles: [
                            ...after.roles
                        ],
                        position: (0, _accountsstreams.lastPositionOf)(account)
                    }
                };
                return {
                    append: {
                        [stream]: events
                    },
                    answer: ({ position, streams: [appended] })=>{
                        this.epochs.revoke(userId, appended.nextRevision, context.now.getTime());
                        return {
                            userId,
                            roles: [
                                ...after.roles
                            ],
                            position: String(position)
                        };
                    }
                };
            }
        });
    }
};
ChangeRolesHandler = _ts_decorate([
    (0, _cqrs.CommandHandler)(_changerolescommand.ChangeRolesCommand),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _eventstoreport.EventStore === "undefined" ? Object : _eventstoreport.EventStore,
        typeof _tokenepochs.TokenEpochs === "undefined" ? Object : _tokenepochs.TokenEpochs
    ])
], ChangeRolesHandler);

//# sourceMappingURL=change-roles.handler.js.map