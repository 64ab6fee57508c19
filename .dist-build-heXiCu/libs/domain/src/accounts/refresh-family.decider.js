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
    get DEFAULT_REFRESH_REUSE_GRACE_MS () {
        return DEFAULT_REFRESH_REUSE_GRACE_MS;
    },
    get decideRefreshFamily () {
        return decideRefreshFamily;
    },
    get evolveRefreshFamily () {
        return evolveRefreshFamily;
    },
    get initialRefreshFamily () {
        return initialRefreshFamily;
    },
    get isReuseDetected () {
        return isReuseDetected;
    },
    get refreshFamilyDecider () {
        return refreshFamilyDecider;
    }
});
const _domainerror = require("../domain-error");
const DEFAULT_REFRESH_REUSE_GRACE_MS = 5_000;
const initialRefreshFamily = {
    status: 'none'
};
const tokenOf = (tokens, hash)=>Object.hasOwn(tokens, hash) ? tokens[hash] : undefined;
const evolveRefreshFamily = (state, event)=>{
    switch(event.type){
        case 'refresh.family-started.v1':
            {
                const { familyId, userId, tokenHash, expiresAt } = event.data;
                return {
                    status: 'active',
                    familyId,
                    userId,
                    tokens: {
                        [tokenHash]: {
                            status: 'live',
                            expiresAt,
                            parentHash: null,
                            spentAt: null,
                            children: []
                        }
                    },
                    revokedReason: null
                };
            }
        case 'refresh.rotated.v1':
            {
                if (state.status === 'none') return state;
                const { fromHash, toHash, expiresAt, rotatedAt } = event.data;
                const from = tokenOf(state.tokens, fromHash);
                if (!from) return state;
                const tokens = {
                    ...state.tokens
                };
                if (from.status === 'live') {
                    tokens[fromHash] = {
                        ...from,
                        status: 'spent',
                        spentAt: rotatedAt,
                        children: [
                            toHash
                        ]
                    };
                    // The client built on this sibling: the others it was minted with are now unused leftovers.
                    const parent = from.parentHash === null ? undefined : tokenOf(state.tokens, from.parentHash);
                    for (const sibling of parent?.children ?? []){
                        const token = tokenOf(tokens, sibling);
                        if (sibling !== fromHash && token?.status === 'live') tokens[sibling] = {
                            ...token,
                            status: 'retired'
                        };
                    }
                } else {
                    tokens[fromHash] = {
                        ...from,
                        children: [
                            ...from.children,
                            toHash
                        ]
                    };
                }
                tokens[toHash] = {
                    status: 'live',
                    expiresAt,
                    parentHash: fromHash,
                    spentAt: null,
                    children: []
                };
                return {
                    ...state,
                    tokens
                };
            }
        case 'refresh.family-revoked.v1':
            return state.status === 'none' ? state : {
                ...state,
                status: 'revoked',
                revokedReason: event.data.reason
            };
        default:
            {
                const _exhaustive = event;
                return state;
            }
    }
};
const invalidRefreshToken = ()=>new _domainerror.DomainError('INVALID_REFRESH_TOKEN', 'the refresh token is not valid');
/** Milliseconds of an ISO instant; a bad one is the caller's bug, never the client's. */ const millisOf = (iso)=>{
    const millis = Date.parse(iso);
    if (Number.isNaN(millis)) throw new Error(`not an ISO 8601 instant: ${iso}`);
    return millis;
};
/** A token expiring at 10:00 is refused at 10:00 sharp. */ const isExpired = (token, now)=>now >= millisOf(token.expiresAt);
const withinGrace = (tokens, token, now, graceMs)=>token.spentAt !== null && now - millisOf(token.spentAt) <= graceMs && token.children.every((child)=>tokenOf(tokens, child)?.status === 'live');
const decideRefreshFamily = (command, state)=>{
    switch(command.type){
        case 'StartRefreshFamily':
            {
                if (state.status !== 'none') {
                    throw new _domainerror.DomainError('CONCURRENCY_CONFLICT', 'refresh family already started', {
                        familyId: state.familyId
                    });
                }
                return [
                    {
                        type: 'refresh.family-started.v1',
                        data: {
                            ...command.data
                        }
                    }
                ];
            }
        case 'RotateRefreshToken':
            {
                if (state.status !== 'active') throw invalidRefreshToken();
                const { presentedHash, newHash, expiresAt, graceMs } = command.data;
                const now = millisOf(command.metadata.now);
                const presented = tokenOf(state.tokens, presentedHash);
                if (!presented) throw invalidRefreshToken();
                if (tokenOf(state.tokens, newHash)) throw new Error('the new refresh token hash is already in this family');
                const rotated = {
                    type: 'refresh.rotated.v1',
                    data: {
                        fromHash: presentedHash,
                        toHash: newHash,
                        expiresAt,
                        rotatedAt: new Date(now).toISOString()
                    }
                };
                switch(presented.status){
                    case 'live':
                        if (isExpired(presented, now)) throw invalidRefreshToken();
                        return [
                            rotated
                        ];
                    case 'retired':
                        throw invalidRefreshToken();
                    case 'spent':
                        if (!withinGrace(state.tokens, presented, now, graceMs)) {
                            return [
                                {
                                    type: 'refresh.family-revoked.v1',
                                    data: {
                                        reason: 'reuse_detected'
                                    }
                                }
                            ];
                        }
                        if (isExpired(presented, now)) throw invalidRefreshToken();
                        return [
                            rotated
                        ];
                    default:
                        {
                            const _exhaustive = presented.status;
                            throw new Error('unknown refresh token status');
                        }
                }
            }
        case 'RevokeRefreshFamily':
            {
                if (state.status !== 'active') return [];
                const { reason, presentedHash } = command.data;
                if (presentedHash !== undefined && !tokenOf(state.tokens, presentedHash)) return [];
                return [
                    {
                        type: 'refresh.family-revoked.v1',
                        data: {
                            reason
                        }
                    }
                ];
            }
        default:
            {
                const _exhaustive = command;
                throw new Error('unknown refresh family command');
            }
    }
};
const isReuseDetected = (events)=>events.some((event)=>event.type === 'refresh.family-revoked.v1' && event.data.reason === 'reuse_detected');
const refreshFamilyDecider = {
    initialState: initialRefreshFamily,
    evolve: evolveRefreshFamily,
    decide: decideRefreshFamily
};

//# sourceMappingURL=refresh-family.decider.js.map