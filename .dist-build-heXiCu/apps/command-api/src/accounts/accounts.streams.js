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
    get accountModel () {
        return accountModel;
    },
    get emailReservationModel () {
        return emailReservationModel;
    },
    get findAccountByEmail () {
        return findAccountByEmail;
    },
    get lastPositionOf () {
        return lastPositionOf;
    },
    get loadAccount () {
        return loadAccount;
    },
    get loadAccountByEmail () {
        return loadAccountByEmail;
    },
    get loadEmailReservation () {
        return loadEmailReservation;
    },
    get refreshFamilyModel () {
        return refreshFamilyModel;
    }
});
const _contracts = require("../../../../libs/contracts/src");
const _domain = require("../../../../libs/domain/src");
const _eventsourcing = require("../../../../libs/platform/src/commands/event-sourcing");
const _emailhash = require("../../../../libs/platform/src/security/email-hash");
const accountModel = {
    initialState: _domain.initialAccount,
    evolve: _domain.evolveAccount
};
const emailReservationModel = {
    initialState: _domain.initialEmailReservation,
    evolve: _domain.evolveEmailReservation
};
const refreshFamilyModel = {
    initialState: _domain.initialRefreshFamily,
    evolve: _domain.evolveRefreshFamily
};
const loadAccount = (store, userId)=>(0, _eventsourcing.loadStream)(store, (0, _contracts.accountStream)(userId), _domain.evolveAccount, _domain.initialAccount);
const loadEmailReservation = (store, email)=>(0, _eventsourcing.loadStream)(store, (0, _contracts.emailStream)((0, _emailhash.hashEmail)(email)), _domain.evolveEmailReservation, _domain.initialEmailReservation);
const loadAccountByEmail = async (store, email)=>{
    const reservation = await loadEmailReservation(store, email);
    if (reservation.state.status !== 'reserved') return undefined;
    const account = await loadAccount(store, reservation.state.userId);
    const { state } = account;
    return state.status === 'registered' ? {
        ...account,
        state
    } : undefined;
};
const findAccountByEmail = async (store, email)=>(await loadAccountByEmail(store, email))?.state;
const lastPositionOf = (loaded)=>String(loaded.events.at(-1)?.position ?? 0);

//# sourceMappingURL=accounts.streams.js.map