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
    get ADMISSION_BURST_MS () {
        return ADMISSION_BURST_MS;
    },
    get compareEarly () {
        return compareEarly;
    },
    get decide () {
        return decide;
    },
    get decideConfigureWaitingRoom () {
        return decideConfigureWaitingRoom;
    },
    get earlyOrderKey () {
        return earlyOrderKey;
    },
    get evolve () {
        return evolve;
    },
    get initialState () {
        return initialState;
    },
    get isOpenRoom () {
        return isOpenRoom;
    },
    get nextAdmissionAt () {
        return nextAdmissionAt;
    },
    get placeOf () {
        return placeOf;
    },
    get queueOrderOf () {
        return queueOrderOf;
    },
    get requireAdmission () {
        return requireAdmission;
    },
    get totalPlaces () {
        return totalPlaces;
    },
    get waitingPlaces () {
        return waitingPlaces;
    },
    get waitingRoomDecider () {
        return waitingRoomDecider;
    }
});
const _domainerror = require("../domain-error");
const _show = require("./show");
const _time = require("./time");
const initialState = {
    showId: null,
    config: null,
    places: {
        items: [],
        byUser: new Map(),
        length: 0
    },
    early: 0,
    through: 0,
    quotaUntil: null
};
const ADMISSION_BURST_MS = 1000;
const appendPlace = (places, place)=>{
    // The newest state appends in place; an older one (a fold that branched) copies what it sees first.
    const shared = places.items.length === places.length ? places : copyOf(places);
    shared.items.push(place);
    shared.byUser.set(place.userId, shared.items.length - 1);
    return {
        items: shared.items,
        byUser: shared.byUser,
        length: places.length + 1
    };
};
const copyOf = (places)=>{
    const items = places.items.slice(0, places.length);
    return {
        items,
        byUser: new Map(items.map((place, index)=>[
                place.userId,
                index
            ])),
        length: places.length
    };
};
const totalPlaces = (state)=>state.places.length;
const waitingPlaces = (state)=>state.places.length - state.through;
const isOpenRoom = (state)=>state.config !== null && state.config.enabled;
const placeOf = (state, userId)=>{
    const index = state.places.byUser.get(userId);
    if (index === undefined || index >= state.places.length) return undefined;
    const place = state.places.items[index];
    return place.userId === userId ? {
        ...place,
        index
    } : undefined;
};
const earlyOrderKey = (seed, queueId)=>{
    const text = `${seed}\u0000${queueId}`;
    let h1 = 0xdeadbeef;
    let h2 = 0x41c6ce57;
    for(let i = 0; i < text.length; i++){
        const ch = text.charCodeAt(i);
        h1 = Math.imul(h1 ^ ch, 2654435761);
        h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    h1 = Math.imul(h1 ^ h1 >>> 16, 2246822507) ^ Math.imul(h2 ^ h2 >>> 13, 3266489909);
    h2 = Math.imul(h2 ^ h2 >>> 16, 2246822507) ^ Math.imul(h1 ^ h1 >>> 13, 3266489909);
    return 4294967296 * (2097151 & h2) + (h1 >>> 0);
};
const compareEarly = (a, b)=>a.key - b.key || (a.queueId < b.queueId ? -1 : a.queueId > b.queueId ? 1 : 0);
const queueOrderOf = (state)=>{
    const seed = state.config?.seed ?? '';
    const places = state.places.items.slice(0, state.places.length);
    const early = places.filter((p)=>p.early).map((p)=>({
            key: earlyOrderKey(seed, p.queueId),
            queueId: p.queueId
        }));
    return [
        ...early.sort(compareEarly).map((p)=>p.queueId),
        ...places.filter((p)=>!p.early).map((p)=>p.queueId)
    ];
};
const configure = ({ data }, state)=>{
    const seed = state.config?.seed ?? data.seed;
    const current = state.config;
    if (current && current.enabled === data.enabled && (0, _time.epochMillisOf)(current.opensAt) === (0, _time.epochMillisOf)(data.opensAt, 'opensAt') && current.admitPerMinute === data.admitPerMinute && current.tokenMinutes === data.tokenMinutes) {
        return [];
    }
    // Once admission has started the early set is closed: moving the opening would reorder nobody, but it would say something untrue.
    if (current && state.through > 0 && (0, _time.epochMillisOf)(current.opensAt) !== (0, _time.epochMillisOf)(data.opensAt, 'opensAt')) {
        throw new _domainerror.DomainError('INVALID_SHOW_STATE', 'admission has started: opensAt can no longer move', {
            opensAt: current.opensAt
        });
    }
    return [
        {
            type: 'waiting_room.configured.v1',
            data: {
                ...data,
                opensAt: new Date((0, _time.epochMillisOf)(data.opensAt, 'opensAt')).toISOString(),
                seed
            }
        }
    ];
};
const join = ({ data, metadata }, state)=>{
    if (!isOpenRoom(state)) throw new _domainerror.DomainError('WAITING_ROOM_DISABLED', 'the show has no waiting room open', {
        showId: data.showId
    });
    if (placeOf(state, data.userId)) return []; // one place per account: a repeat keeps the first
    // Early while the opening is ahead and nobody has come late or been admitted yet (a reopened room stays in order).
    const early = (0, _time.epochMillisOf)(metadata.now, 'now') < (0, _time.epochMillisOf)(state.config.opensAt) && state.through === 0 && state.early === state.places.length;
    return [
        {
            type: 'waiting_room.joined.v1',
            data: {
                showId: data.showId,
                queueId: data.queueId,
                userId: data.userId,
                early
            }
        }
    ];
};
const admit = ({ data, metadata }, state)=>{
    if (!isOpenRoom(state)) return [];
    const now = (0, _time.epochMillisOf)(metadata.now, 'now');
    const opens = (0, _time.epochMillisOf)(state.config.opensAt);
    const waiting = waitingPlaces(state);
    if (now < opens || waiting <= 0) return [];
    const interval = 60_000 / state.config.admitPerMinute;
    const from = Math.max(opens, state.quotaUntil === null ? opens : (0, _time.epochMillisOf)(state.quotaUntil), now - ADMISSION_BURST_MS - interval);
    // The epsilon keeps an exact multiple (a tick right on time) from losing a place to rounding.
    const count = Math.min(waiting, Math.floor((now - from) / interval + 1e-9));
    if (count <= 0) return [];
    const quotaUntil = new Date(Math.round(from + count * interval)).toISOString();
    return [
        {
            type: 'waiting_room.admitted.v1',
            data: {
                showId: data.showId,
                count,
                through: state.through + count,
                quotaUntil
            }
        }
    ];
};
const decide = (command, state)=>{
    switch(command.type){
        case 'ConfigureWaitingRoom':
            return configure(command, state);
        case 'JoinQueue':
            return join(command, state);
        case 'AdmitPlaces':
            return admit(command, state);
    }
};
const evolve = (state, event)=>{
    switch(event.type){
        case 'waiting_room.configured.v1':
            {
                const { byAdminId: _by, showId, ...config } = event.data;
                return {
                    ...state,
                    showId,
                    config
                };
            }
        case 'waiting_room.joined.v1':
            {
                const { queueId, userId, early } = event.data;
                return {
                    ...state,
                    places: appendPlace(state.places, {
                        queueId,
                        userId,
                        early
                    }),
                    early: state.early + (early ? 1 : 0)
                };
            }
        case 'waiting_room.admitted.v1':
            return {
                ...state,
                through: event.data.through,
                quotaUntil: event.data.quotaUntil
            };
    }
};
const nextAdmissionAt = (state)=>{
    if (!isOpenRoom(state) || waitingPlaces(state) <= 0) return null;
    const opens = (0, _time.epochMillisOf)(state.config.opensAt);
    if (state.quotaUntil === null) return new Date(opens).toISOString();
    return new Date(Math.ceil((0, _time.epochMillisOf)(state.quotaUntil) + 60_000 / state.config.admitPerMinute)).toISOString();
};
const decideConfigureWaitingRoom = ({ show, room, command })=>{
    const { showId } = command.data;
    if (!(0, _show.isCreated)(show) || show.showId !== showId) throw new _domainerror.DomainError('SHOW_NOT_FOUND', `show ${showId} does not exist`, {
        showId
    });
    if (show.status === 'cancelled') throw new _domainerror.DomainError('INVALID_SHOW_STATE', 'the show is cancelled', {
        status: show.status
    });
    return decide(command, room);
};
const requireAdmission = ({ room, admission, spent, showId, userId, now })=>{
    if (!isOpenRoom(room)) return undefined;
    const refuse = (why)=>{
        throw new _domainerror.DomainError('ADMISSION_REQUIRED', `the show's waiting room is open: ${why}`, {
            showId
        });
    };
    if (!admission) return refuse('send the admission token of your place (X-Admission-Token)');
    if (admission.showId !== showId || admission.userId !== userId) return refuse('the admission token is for another show or account');
    if ((0, _time.epochMillisOf)(now, 'now') >= (0, _time.epochMillisOf)(admission.expiresAt)) return refuse('the admission token has expired');
    const place = placeOf(room, userId);
    if (!place || place.queueId !== admission.queueId) return refuse('the admission token names no place of yours');
    if (spent) return refuse('the admission token was spent on a paid booking');
    return place.queueId;
};
const waitingRoomDecider = {
    initialState,
    evolve,
    decide
};

//# sourceMappingURL=waiting-room.js.map