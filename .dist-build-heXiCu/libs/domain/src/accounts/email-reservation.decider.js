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
    get decideEmailReservation () {
        return decideEmailReservation;
    },
    get emailReservationDecider () {
        return emailReservationDecider;
    },
    get evolveEmailReservation () {
        return evolveEmailReservation;
    },
    get initialEmailReservation () {
        return initialEmailReservation;
    }
});
const _contracts = require("../../../contracts/src");
const _domainerror = require("../domain-error");
const initialEmailReservation = {
    status: 'free'
};
const evolveEmailReservation = (_state, event)=>{
    switch(event.type){
        case 'email.reserved.v1':
            return {
                status: 'reserved',
                email: event.data.email,
                userId: event.data.userId
            };
        default:
            {
                const _exhaustive = event.type;
                return _state;
            }
    }
};
const decideEmailReservation = (command, state)=>{
    switch(command.type){
        case 'ReserveEmail':
            {
                if (state.status === 'reserved') throw new _domainerror.DomainError('EMAIL_TAKEN', 'this e-mail is already registered');
                return [
                    {
                        type: 'email.reserved.v1',
                        data: {
                            email: (0, _contracts.normaliseEmail)(command.data.email),
                            userId: command.data.userId
                        }
                    }
                ];
            }
        default:
            {
                const _exhaustive = command.type;
                throw new Error('unknown e-mail reservation command');
            }
    }
};
const emailReservationDecider = {
    initialState: initialEmailReservation,
    evolve: evolveEmailReservation,
    decide: decideEmailReservation
};

//# sourceMappingURL=email-reservation.decider.js.map