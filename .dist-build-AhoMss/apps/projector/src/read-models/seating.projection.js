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
    get catalogueEntryOf () {
        return catalogueEntryOf;
    },
    get evolveSeatMapSection () {
        return evolveSeatMapSection;
    },
    get evolveShowStatus () {
        return evolveShowStatus;
    },
    get priceFromOf () {
        return priceFromOf;
    },
    get seatIndexOf () {
        return seatIndexOf;
    },
    get seatMapSectionsOf () {
        return seatMapSectionsOf;
    },
    get seatingProjection () {
        return seatingProjection;
    },
    get showDetailOf () {
        return showDetailOf;
    },
    get withSectionAvailable () {
        return withSectionAvailable;
    }
});
const _contracts = require("../../../../libs/contracts/src");
const _readmodels = require("../../../../libs/read-models/src");
const seatMapSectionsOf = (created)=>created.sections.map((section)=>{
        let offset = 0;
        const rows = section.rows.map((row)=>{
            const placed = {
                label: row.label,
                seats: row.seats,
                offset
            };
            offset += row.seats;
            return placed;
        });
        return {
            _id: (0, _readmodels.sectionDocId)(created.showId, section.id),
            showId: created.showId,
            sectionId: section.id,
            categoryId: section.categoryId,
            rows,
            status: _readmodels.SEAT_CODES.available.repeat(offset),
            capacity: offset,
            available: offset
        };
    });
const seatIndexOf = (section, rowLabel, number)=>{
    const row = section.rows.find((candidate)=>candidate.label === rowLabel);
    return row && number >= 1 && number <= row.seats ? row.offset + number - 1 : -1;
};
const codeAfter = (event)=>event.type === 'seat.held.v1' ? _readmodels.SEAT_CODES.held : event.type === 'seat.sold.v1' ? _readmodels.SEAT_CODES.sold : _readmodels.SEAT_CODES.available;
const evolveSeatMapSection = (section, event)=>{
    const address = (0, _contracts.parseSeatId)(event.data.seatId);
    const index = address ? seatIndexOf(section, address.rowLabel, address.number) : -1;
    if (index < 0) return section;
    const before = section.status[index];
    const after = codeAfter(event);
    if (before === after) return section;
    const delta = (after === _readmodels.SEAT_CODES.available ? 1 : 0) - (before === _readmodels.SEAT_CODES.available ? 1 : 0);
    return {
        ...section,
        status: section.status.slice(0, index) + after + section.status.slice(index + 1),
        available: section.available + delta
    };
};
const showDetailOf = (created)=>{
    const sections = seatMapSectionsOf(created);
    const sectionViews = created.sections.map((section, i)=>({
            id: section.id,
            name: section.name,
            categoryId: section.categoryId,
            capacity: sections[i].capacity,
            available: sections[i].capacity
        }));
    const { categories, sections: _sections, ...show } = created;
    return withTotals({
        _id: created.showId,
        ...show,
        status: 'draft',
        categories: categories.map((category)=>({
                ...category,
                capacity: 0,
                available: 0
            })),
        sections: sectionViews,
        capacity: 0,
        available: 0
    });
};
/** Category and show totals follow from the sections' counts. */ const withTotals = (detail)=>{
    const categories = detail.categories.map((category)=>{
        const own = detail.sections.filter((section)=>section.categoryId === category.id);
        return {
            ...category,
            capacity: own.reduce((n, s)=>n + s.capacity, 0),
            available: own.reduce((n, s)=>n + s.available, 0)
        };
    });
    return {
        ...detail,
        categories,
        capacity: detail.sections.reduce((n, s)=>n + s.capacity, 0),
        available: detail.sections.reduce((n, s)=>n + s.available, 0)
    };
};
const withSectionAvailable = (detail, sectionId, available)=>{
    const matching = detail.sections.filter((section)=>section.id === sectionId);
    // A show whose section ids repeat has no single section to move: sum them all instead.
    if (matching.length !== 1) {
        return withTotals({
            ...detail,
            sections: detail.sections.map((section)=>section.id === sectionId ? {
                    ...section,
                    available
                } : section)
        });
    }
    const [changed] = matching;
    const delta = available - changed.available;
    if (delta === 0) return detail;
    return {
        ...detail,
        sections: detail.sections.map((section)=>section === changed ? {
                ...section,
                available
            } : section),
        categories: detail.categories.map((category)=>category.id === changed.categoryId ? {
                ...category,
                available: category.available + delta
            } : category),
        available: detail.available + delta
    };
};
const evolveShowStatus = (doc, event)=>{
    switch(event.type){
        case 'show.published.v1':
            return doc.status === 'draft' ? {
                ...doc,
                status: 'on_sale'
            } : doc;
        case 'show.cancelled.v1':
            return {
                ...doc,
                status: 'cancelled'
            };
        default:
            return doc;
    }
};
const priceFromOf = (categories)=>{
    const seated = categories.filter((category)=>category.capacity > 0);
    return Math.min(...(seated.length > 0 ? seated : categories).map((category)=>category.price));
};
const catalogueEntryOf = (detail)=>({
        _id: detail.showId,
        showId: detail.showId,
        name: detail.name,
        venue: detail.venue,
        startsAt: detail.startsAt,
        status: detail.status,
        currency: detail.currency,
        priceFrom: priceFromOf(detail.categories),
        capacity: detail.capacity,
        available: detail.available,
        listed: detail.status !== 'draft'
    });
const seatingProjection = {
    ..._readmodels.seatingDescriptor,
    async apply (event, docs) {
        const domainEvent = {
            type: event.type,
            data: event.data
        };
        const showId = domainEvent.data.showId;
        if (domainEvent.type === 'waiting_room.configured.v1') {
            const { enabled, opensAt, admitPerMinute, tokenMinutes } = domainEvent.data;
            await docs.evolve(_readmodels.SHOW_DETAIL, showId, event, (doc)=>doc ? {
                    ...doc,
                    waitingRoom: {
                        enabled,
                        opensAt,
                        admitPerMinute,
                        tokenMinutes
                    }
                } : null);
            return;
        }
        if (domainEvent.type === 'show.created.v1') {
            const created = domainEvent.data;
            for (const section of seatMapSectionsOf(created)){
                await docs.evolve(_readmodels.SEAT_MAP, section._id, event, (doc)=>doc ?? section);
            }
            const detail = await docs.evolve(_readmodels.SHOW_DETAIL, showId, event, (doc)=>doc ?? showDetailOf(created));
            if (detail) await docs.evolve(_readmodels.SHOW_CATALOGUE, showId, event, ()=>catalogueEntryOf(detail));
            return;
        }
        if (domainEvent.type === 'show.published.v1' || domainEvent.type === 'show.cancelled.v1') {
            const detail = await docs.evolve(_readmodels.SHOW_DETAIL, showId, event, (doc)=>doc ? evolveShowStatus(doc, domainEvent) : null);
            if (detail) await docs.evolve(_readmodels.SHOW_CATALOGUE, showId, event, ()=>catalogueEntryOf(detail));
            return;
        }
        const address = (0, _contracts.parseSeatId)(domainEvent.data.seatId);
        if (!address) return;
        const section = await docs.evolve(_readmodels.SEAT_MAP, (0, _readmodels.sectionDocId)(showId, address.sectionId), event, (doc)=>doc ? evolveSeatMapSection(doc, domainEvent) : null);
        if (!section) return;
        const detail = await docs.evolve(_readmodels.SHOW_DETAIL, showId, event, (doc)=>doc ? withSectionAvailable(doc, address.sectionId, section.available) : null);
        if (detail) await docs.evolve(_readmodels.SHOW_CATALOGUE, showId, event, ()=>catalogueEntryOf(detail));
    }
};

//# sourceMappingURL=seating.projection.js.map