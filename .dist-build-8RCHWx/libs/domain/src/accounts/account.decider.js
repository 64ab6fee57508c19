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
    get accountDecider () {
        return accountDecider;
    },
    get decideAccount () {
        return decideAccount;
    },
    get evolveAccount () {
        return evolveAccount;
    },
    get initialAccount () {
        return initialAccount;
    }
});
const _contracts = require("../../../contracts/src");
const _domainerror = require("../domain-error");
const initialAccount = {
    status: 'unregistered'
};
const evolveAccount = (state, event)=>{
    switch(event.type){
        case 'account.registered.v1':
            return {
                status: 'registered',
                ...event.data,
                roles: [
                    ...event.data.roles
                ]
            };
        case 'account.roles-changed.v1':
            return state.status === 'registered' ? {
                ...state,
                roles: [
                    ...event.data.roles
                ]
            } : state;
        case 'account.signed-out.v1':
            // Nothing in the account changes: the event only marks the user's older access tokens as ended.
            return state;
        default:
            {
                const _exhaustive = event;
                return state;
            }
    }
};
/** Roles must be a non-empty set of known roles; the answer is in canonical order. */ const validRoles = (roles)=>{
    const refuse = (message)=>{
        throw new _domainerror.DomainError('VALIDATION_FAILED', message, {
            errors: [
                {
                    field: 'roles',
                    message
                }
            ]
        });
    };
    if (roles.length === 0) refuse('roles must not be empty');
    const unknown = roles.filter((role)=>!(0, _contracts.isRole)(role));
    if (unknown.length > 0) refuse(`unknown roles: ${unknown.join(', ')}`);
    if (new Set(roles).size !== roles.length) refuse('roles must be unique');
    return (0, _contracts.canonicalRoles)(roles);
};
const sameRoles = (a, b)=>a.length === b.length && a.every((role)=>b.includes(role));
const decideAccount = (command, state)=>{
    switch(command.type){
        case 'RegisterAccount':
            {
                // The id is fresh per attempt, so an existing stream means a lost race on this very id:
                // the handler's "expected: no stream" append failed and it re-decided.
                if (state.status === 'registered') {
                    throw new _domainerror.DomainError('CONCURRENCY_CONFLICT', 'account already registered', {
                        userId: state.userId
                    });
                }
                const { userId, email, displayName, passwordHash, roles } = command.data;
                return [
                    {
                        type: 'account.registered.v1',
                        data: {
                            userId,
                            email: (0, _contracts.normaliseEmail)(email),
                            displayName: displayName.trim(),
                            passwordHash,
                            roles: validRoles(roles)
                        }
                    }
                ];
            }
        case 'ChangeRoles':
            {
                if (state.status !== 'registered') throw new _domainerror.DomainError('USER_NOT_FOUND', 'no such user');
                const roles = validRoles(command.data.roles);
                if (sameRoles(roles, state.roles)) return [];
                return [
                    {
                        type: 'account.roles-changed.v1',
                        data: {
                            roles,
                            byAdminId: command.data.byAdminId
                        }
                    }
                ];
            }
        case 'SignOut':
            {
                if (state.status !== 'registered') throw new _domainerror.DomainError('USER_NOT_FOUND', 'no such user');
                return [
                    {
                        type: 'account.signed-out.v1',
                        data: {
                            familyId: command.data.familyId
                        }
                    }
                ];
            }
        default:
            {
                const _exhaustive = command;
                throw new Error('unknown account command');
            }
    }
};
const accountDecider = {
    initialState: initialAccount,
    evolve: evolveAccount,
    decide: decideAccount
};

//# sourceMappingURL=account.decider.js.map