"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "parseFeedFilter", {
    enumerable: true,
    get: function() {
        return parseFeedFilter;
    }
});
const _domain = require("../../../../libs/domain/src");
// Segments as the event types spell them: `booking.payment-declined.v1`, `incident.status_changed.v1`.
const TYPE_PATTERN = /^(\*|[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)*(\.\*)?)$/;
// Room for every event type by name (34 today: the admin feed asks for each) with space to grow.
const MAX_PATTERNS = 64;
const SHOW_ID = /^[A-Za-z0-9_-]{1,100}$/;
const invalid = (field, message)=>new _domain.DomainError('VALIDATION_FAILED', `${field} ${message}`, {
        errors: [
            {
                field,
                message
            }
        ]
    });
const parseFeedFilter = (query)=>{
    const { types, showId } = query;
    if (types !== undefined && (typeof types !== 'string' || types.length > 1000)) throw invalid('types', 'must be a comma-separated list of event types');
    if (showId !== undefined && (typeof showId !== 'string' || !SHOW_ID.test(showId))) throw invalid('showId', 'must be a show id');
    const patterns = types === undefined || types.trim() === '' ? [
        '*'
    ] : types.split(',').map((pattern)=>pattern.trim());
    if (patterns.length > MAX_PATTERNS) throw invalid('types', `may name at most ${MAX_PATTERNS} patterns`);
    for (const pattern of patterns){
        if (!TYPE_PATTERN.test(pattern)) throw invalid('types', 'must be event types such as booking.placed.v1, or prefixes such as booking.*');
    }
    const exact = new Set(patterns.filter((pattern)=>!pattern.endsWith('*')));
    const prefixes = patterns.filter((pattern)=>pattern.endsWith('*')).map((pattern)=>pattern.slice(0, -1));
    const decided = new Map();
    const acceptsType = (type)=>{
        let accepted = decided.get(type);
        if (accepted === undefined) decided.set(type, accepted = exact.has(type) || prefixes.some((prefix)=>type.startsWith(prefix)));
        return accepted;
    };
    return {
        everything: showId === undefined && prefixes.includes(''),
        acceptsType,
        accepts: showId === undefined ? (type)=>acceptsType(type) : (type, eventShowId)=>eventShowId === showId && acceptsType(type)
    };
};

//# sourceMappingURL=feed-filter.js.map