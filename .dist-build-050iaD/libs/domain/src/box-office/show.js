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
    get decide () {
        return decide;
    },
    get evolve () {
        return evolve;
    },
    get initialState () {
        return initialState;
    },
    get isCreated () {
        return isCreated;
    },
    get seatOf () {
        return seatOf;
    },
    get showDecider () {
        return showDecider;
    }
});
const _seatmap = require("../../../contracts/src/box-office/seat-map");
const _domainerror = require("../domain-error");
const _time = require("./time");
const initialState = {
    status: 'none'
};
const seatOf = (show, seatId)=>{
    const address = (0, _seatmap.parseSeatId)(seatId);
    if (!address || !Object.hasOwn(show.sections, address.sectionId)) return undefined;
    const section = show.sections[address.sectionId];
    if (!Object.hasOwn(section.rows, address.rowLabel) || address.number > section.rows[address.rowLabel]) {
        return undefined;
    }
    const category = show.categories[section.categoryId];
    return {
        seatId,
        ...address,
        categoryId: category.id,
        price: category.price
    };
};
const isCreated = (show)=>show.status !== 'none';
const evolve = (state, event)=>{
    switch(event.type){
        case 'show.created.v1':
            {
                const { categories, sections, ...show } = event.data;
                return {
                    ...show,
                    status: 'draft',
                    categories: Object.fromEntries(categories.map((category)=>[
                            category.id,
                            category
                        ])),
                    sections: Object.fromEntries(sections.map((section)=>[
                            section.id,
                            {
                                name: section.name,
                                categoryId: section.categoryId,
                                rows: Object.fromEntries(section.rows.map((row)=>[
                                        row.label,
                                        row.seats
                                    ]))
                            }
                        ])),
                    capacity: sections.reduce((sum, section)=>sum + section.rows.reduce((n, row)=>n + row.seats, 0), 0)
                };
            }
        case 'show.published.v1':
            return isCreated(state) ? {
                ...state,
                status: 'on_sale'
            } : state;
        case 'show.cancelled.v1':
            return isCreated(state) ? {
                ...state,
                status: 'cancelled',
                cancelReason: event.data.reason
            } : state;
        default:
            {
                const _exhaustive = event;
                return state;
            }
    }
};
const decide = (command, state)=>{
    switch(command.type){
        case 'CreateShow':
            {
                if (isCreated(state)) {
                    throw new _domainerror.DomainError('INVALID_SHOW_STATE', `show ${command.data.showId} already exists`, {
                        status: state.status
                    });
                }
                const errors = seatMapErrors(command.data);
                if (errors.length > 0) {
                    throw new _domainerror.DomainError('VALIDATION_FAILED', 'the seat map is not consistent', {
                        errors
                    });
                }
                refuseIfPast(command.data.startsAt, command.metadata.now, true);
                return [
                    {
                        type: 'show.created.v1',
                        data: {
                            ...command.data,
                            startsAt: (0, _time.toUtcIso)(command.data.startsAt, 'startsAt')
                        }
                    }
                ];
            }
        case 'PublishShow':
            {
                const show = existing(state, command.data.showId);
                if (show.status !== 'draft') {
                    throw new _domainerror.DomainError('INVALID_SHOW_STATE', `only a draft show can be published; this one is ${show.status}`, {
                        status: show.status
                    });
                }
                refuseIfPast(show.startsAt, command.metadata.now, false);
                return [
                    {
                        type: 'show.published.v1',
                        data: {
                            showId: show.showId
                        }
                    }
                ];
            }
        case 'CancelShow':
            {
                const show = existing(state, command.data.showId);
                if (show.status === 'cancelled') {
                    throw new _domainerror.DomainError('INVALID_SHOW_STATE', 'the show is already cancelled', {
                        status: show.status
                    });
                }
                return [
                    {
                        type: 'show.cancelled.v1',
                        data: {
                            showId: show.showId,
                            reason: command.data.reason
                        }
                    }
                ];
            }
        default:
            {
                const _exhaustive = command;
                throw new Error(`unknown show command ${JSON.stringify(_exhaustive)}`);
            }
    }
};
const showDecider = {
    initialState,
    evolve,
    decide
};
const existing = (state, showId)=>{
    if (!isCreated(state)) throw new _domainerror.DomainError('SHOW_NOT_FOUND', `show ${showId} does not exist`, {
        showId
    });
    return state;
};
/**
 * A show starting now or earlier can no longer be sold: SHOW_IN_PAST. On creation the date is the
 * request's own field, so the refusal names it.
 */ const refuseIfPast = (startsAt, now, requested)=>{
    if ((0, _time.epochMillisOf)(startsAt, 'startsAt') > (0, _time.epochMillisOf)(now, 'now')) return;
    const canonical = (0, _time.toUtcIso)(startsAt);
    throw new _domainerror.DomainError('SHOW_IN_PAST', `the show starts at ${canonical}, which is not in the future`, {
        startsAt: canonical,
        ...requested ? {
            errors: [
                {
                    field: 'startsAt',
                    message: 'must lie in the future'
                }
            ]
        } : {}
    });
};
const SEAT_MAP_ID = /^[A-Za-z0-9_]{1,32}$/;
const ROW_LABEL = /^[A-Za-z0-9]{1,8}$/;
const isWhole = (value, min, max)=>Number.isInteger(value) && value >= min && value <= max;
/**
 * The rules that tie the parts of a seat map together, plus the bounds a seat id and a booking
 * rely on. The request DTO checks most bounds too, but the decider must not trust its caller:
 * a seat id only splits back into its parts if these hold.
 */ const seatMapErrors = (show)=>{
    const errors = [];
    const error = (field, message)=>errors.push({
            field,
            message
        });
    if (Number.isNaN(Date.parse(show.startsAt))) error('startsAt', 'must be an ISO 8601 date-time');
    if (!isWhole(show.holdMinutes, 1, 60)) error('holdMinutes', 'must be a whole number from 1 to 60');
    if (!isWhole(show.maxSeatsPerBooking, 1, 20)) error('maxSeatsPerBooking', 'must be a whole number from 1 to 20');
    for (const field of [
        'maxSeatsHeldPerUser',
        'maxTicketsPerUser'
    ]){
        if (show[field] !== undefined && !isWhole(show[field], 1, 1000)) error(field, 'must be a whole number from 1 to 1000');
    }
    if (show.maxSeatsHeldPerUser !== undefined && show.maxTicketsPerUser !== undefined && show.maxSeatsHeldPerUser > show.maxTicketsPerUser) {
        error('maxSeatsHeldPerUser', 'must not exceed maxTicketsPerUser');
    }
    if (show.categories.length === 0) error('categories', 'a show needs at least one category');
    if (show.sections.length === 0) error('sections', 'a show needs at least one section');
    const categoryIds = new Set();
    show.categories.forEach((category, i)=>{
        if (!SEAT_MAP_ID.test(category.id)) error(`categories[${i}].id`, 'must be 1–32 letters, digits or underscores');
        else if (categoryIds.has(category.id)) error(`categories[${i}].id`, `duplicate category id "${category.id}"`);
        categoryIds.add(category.id);
        if (!isWhole(category.price, 0, Number.MAX_SAFE_INTEGER)) error(`categories[${i}].price`, 'must be a whole number ≥ 0 of minor units');
    });
    const sectionIds = new Set();
    let seats = 0;
    show.sections.forEach((section, i)=>{
        if (!SEAT_MAP_ID.test(section.id)) error(`sections[${i}].id`, 'must be 1–32 letters, digits or underscores');
        else if (sectionIds.has(section.id)) error(`sections[${i}].id`, `duplicate section id "${section.id}"`);
        sectionIds.add(section.id);
        if (!categoryIds.has(section.categoryId)) {
            error(`sections[${i}].categoryId`, `unknown category "${section.categoryId}"`);
        }
        if (section.rows.length === 0) error(`sections[${i}].rows`, 'a section needs at least one row');
        const labels = new Set();
        section.rows.forEach((row, j)=>{
            if (!ROW_LABEL.test(row.label)) error(`sections[${i}].rows[${j}].label`, 'must be 1–8 letters or digits');
            else if (labels.has(row.label)) error(`sections[${i}].rows[${j}].label`, `duplicate row "${row.label}" in section "${section.id}"`);
            labels.add(row.label);
            if (!isWhole(row.seats, 1, _seatmap.SEAT_MAP_LIMITS.maxSeatsPerRow)) {
                error(`sections[${i}].rows[${j}].seats`, `must be a whole number from 1 to ${_seatmap.SEAT_MAP_LIMITS.maxSeatsPerRow}`);
            } else {
                seats += row.seats;
            }
        });
    });
    if (seats > _seatmap.SEAT_MAP_LIMITS.maxSeatsPerShow) {
        error('sections', `a show has at most ${_seatmap.SEAT_MAP_LIMITS.maxSeatsPerShow} seats; this one has ${seats}`);
    }
    return errors;
};

//# sourceMappingURL=show.js.map