"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "RegisterAccountHandler", {
    enumerable: true,
    get: function() {
        return RegisterAccountHandler;
    }
});
const _cqrs = require("@nestjs/cqrs");
const _contracts = require("../../../../../libs/contracts/src");
const _domain = require("../../../../../libs/domain/src");
const _handlecommand = require("../../../../../libs/platform/src/commands/handle-command");
const _eventstoreport = require("../../../../../libs/platform/src/event-store/event-store.port");
const _emailhash = require("../../../../../libs/platform/src/security/email-hash");
const _passwordhasher = require("../../../../../libs/platform/src/security/password-hasher");
const _passwordpolicy = require("../../../../../libs/platform/src/security/password-policy");
const _accountsstreams = require("../accounts.streams");
const _registercommand = require("./register.command");
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
let RegisterAccountHandler = class RegisterAccountHandler {
    constructor(store, hasher){
        this.store = store;
        this.hasher = hasher;
    }
    async execute({ userId, email, password, displayName, context }) {
        const refused = (0, _passwordpolicy.checkPasswordPolicy)(password, {
            email,
            displayName
        });
        if (refused !== null) {
            throw new _domain.DomainError('VALIDATION_FAILED', refused, {
                errors: [
                    {
                        field: 'password',
                        message: refused
                    }
                ]
            });
        }
        // Hashing costs tens of milliseconds: once per request, outside the retry loop.
        const passwordHash = await this.hasher.hash(password);
        const reservationStream = (0, _contracts.emailStream)((0, _emailhash.hashEmail)(email));
        return (0, _handlecommand.handleCommand)(this.store, {
            context,
            attempts: 5,
            read: async (streams)=>{
                const [reservation, account] = await Promise.all([
                    streams.read(reservationStream, _accountsstreams.emailReservationModel),
                    streams.read((0, _contracts.accountStream)(userId), _accountsstreams.accountModel)
                ]);
                return {
                    reservation,
                    account
                };
            },
            decide: ({ reservation, account })=>{
                // A retry of a request that did register (same Idempotency-Key, so the same userId).
                if (reservation.state.status === 'reserved' && reservation.state.userId === userId) {
                    return {
                        answer: {
                            userId,
                            position: (0, _accountsstreams.lastPositionOf)(reservation)
                        }
                    };
                }
                const reserved = (0, _domain.decideEmailReservation)({
                    type: 'ReserveEmail',
                    data: {
                        email,
                        userId
                    }
                }, reservation.state);
                const registered = (0, _domain.decideAccount)({
                    type: 'RegisterAccount',
                    data: {
                        userId,
                        email,
                        displayName,
                        passwordHash,
                        roles: [
                            'user'
                        ]
                    }
                }, account.state);
                return {
                    append: {
                        [reservationStream]: reserved,
                        [(0, _contracts.accountStream)(userId)]: registered
                    },
                    answer: ({ position })=>({
                            userId,
                            position: String(position)
                        })
                };
            }
        });
    }
};
RegisterAccountHandler = _ts_decorate([
    (0, _cqrs.CommandHandler)(_registercommand.RegisterAccountCommand),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _eventstoreport.EventStore === "undefined" ? Object : _eventstoreport.EventStore,
        typeof _passwordhasher.PasswordHasher === "undefined" ? Object : _passwordhasher.PasswordHasher
    ])
], RegisterAccountHandler);

//# sourceMappingURL=register.handler.js.map