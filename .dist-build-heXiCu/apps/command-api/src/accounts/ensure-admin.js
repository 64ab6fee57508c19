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
    get EnsureAdminOnStart () {
        return EnsureAdminOnStart;
    },
    get ensureAdmin () {
        return ensureAdmin;
    }
});
const _common = require("@nestjs/common");
const _contracts = require("../../../../libs/contracts/src");
const _domain = require("../../../../libs/domain/src");
const _eventsourcing = require("../../../../libs/platform/src/commands/event-sourcing");
const _eventstoreport = require("../../../../libs/platform/src/event-store/event-store.port");
const _platformmodule = require("../../../../libs/platform/src/platform.module");
const _emailhash = require("../../../../libs/platform/src/security/email-hash");
const _passwordhasher = require("../../../../libs/platform/src/security/password-hasher");
const _passwordpolicy = require("../../../../libs/platform/src/security/password-policy");
const _clock = require("../../../../libs/platform/src/time/clock");
const _nodecrypto = require("node:crypto");
const _accountsstreams = require("./accounts.streams");
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
function _ts_param(paramIndex, decorator) {
    return function(target, key) {
        decorator(target, key, paramIndex);
    };
}
const ACTOR = 'system:ensure-admin';
const ensureAdmin = async (deps, email, password)=>{
    const existing = await (0, _accountsstreams.findAccountByEmail)(deps.store, email);
    if (existing) return existing.roles.includes('admin') ? 'exists' : 'exists-without-admin-role';
    const displayName = 'Administrator';
    const refused = (0, _passwordpolicy.checkPasswordPolicy)(password, {
        email,
        displayName
    });
    if (refused !== null) throw new Error(`ADMIN_PASSWORD is refused by the password policy: ${refused}`);
    const reservationStream = (0, _contracts.emailStream)((0, _emailhash.hashEmail)(email));
    const userId = (0, _eventsourcing.deterministicEventId)(ACTOR, reservationStream, 0);
    const context = {
        actorId: ACTOR,
        correlationId: (0, _nodecrypto.randomUUID)(),
        causationId: `${ACTOR}:${reservationStream}`,
        now: deps.clock.now()
    };
    const passwordHash = await deps.hasher.hash(password);
    const reserved = (0, _domain.decideEmailReservation)({
        type: 'ReserveEmail',
        data: {
            email,
            userId
        }
    }, {
        status: 'free'
    });
    const registered = (0, _domain.decideAccount)({
        type: 'RegisterAccount',
        data: {
            userId,
            email,
            displayName,
            passwordHash,
            roles: [
                'user',
                'admin'
            ]
        }
    }, {
        status: 'unregistered'
    });
    try {
        await deps.store.appendMulti([
            {
                stream: reservationStream,
                expectedRevision: 'no_stream',
                events: (0, _eventsourcing.toAppend)(reservationStream, reserved, context)
            },
            {
                stream: (0, _contracts.accountStream)(userId),
                expectedRevision: 'no_stream',
                events: (0, _eventsourcing.toAppend)((0, _contracts.accountStream)(userId), registered, context)
            }
        ]);
    } catch (error) {
        if (!(error instanceof _eventstoreport.WrongExpectedRevisionError)) throw error;
        // Another process (or a registration) got there first: whoever holds the address now decides.
        const winner = await (0, _accountsstreams.findAccountByEmail)(deps.store, email);
        if (!winner) throw error;
        return winner.roles.includes('admin') ? 'exists' : 'exists-without-admin-role';
    }
    return 'created';
};
let EnsureAdminOnStart = class EnsureAdminOnStart {
    constructor(store, hasher, clock, config){
        this.store = store;
        this.hasher = hasher;
        this.clock = clock;
        this.config = config;
        this.logger = new _common.Logger('EnsureAdmin');
    }
    async onApplicationBootstrap() {
        const { ADMIN_EMAIL: email, ADMIN_PASSWORD: password } = this.config;
        if (!email || !password) return;
        const outcome = await ensureAdmin({
            store: this.store,
            hasher: this.hasher,
            clock: this.clock
        }, email, password);
        if (outcome === 'created') this.logger.log('created the first admin account from ADMIN_EMAIL');
        if (outcome === 'exists-without-admin-role') {
            this.logger.error('ADMIN_EMAIL belongs to an account without the admin role; it was not promoted. Grant the role as an admin, or choose another ADMIN_EMAIL.');
        }
    }
};
EnsureAdminOnStart = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_param(3, (0, _platformmodule.InjectConfig)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _eventstoreport.EventStore === "undefined" ? Object : _eventstoreport.EventStore,
        typeof _passwordhasher.PasswordHasher === "undefined" ? Object : _passwordhasher.PasswordHasher,
        typeof _clock.Clock === "undefined" ? Object : _clock.Clock,
        typeof TesseraConfig === "undefined" ? Object : TesseraConfig
    ])
], EnsureAdminOnStart);

//# sourceMappingURL=ensure-admin.js.map