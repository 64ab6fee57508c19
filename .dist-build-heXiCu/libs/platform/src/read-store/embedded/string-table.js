"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "StringTable", {
    enumerable: true,
    get: function() {
        return StringTable;
    }
});
/**
 * Equal strings kept once. Every document the embedded store keeps comes from JSON (an event
 * decoded from the log, a line of the snapshot), which makes a string of its own for every value:
 * a show's id was kept once per booking in each collection that names it, a document's `_id`
 * apart from the `bookingId` or `ticketId` that repeats it (after a restart), the hour of a sale
 * once per sale; at 100,000 bookings these copies came to tens of MB. The store passes the strings
 * of each document it keeps through this table, which answers a string it has seen with the
 * first copy.
 *
 * The table remembers the last `capacity` distinct strings of up to MAX_LENGTH characters, and
 * forgets the oldest first: a value that repeats often (a show id, a status, an hour) stays, and
 * a value seen once (a booking's own id) costs a slot for a while and then goes. It holds the
 * strings themselves, never a document.
 */ /** Longer strings (an idempotency record's answer, a seat map's status string) are left as they are. */ const MAX_LENGTH = 64;
let StringTable = class StringTable {
    constructor(capacity = 16_384){
        this.known = new Map();
        this.next = 0;
        this.ring = new Array(Math.max(1, capacity));
    }
    get size() {
        return this.known.size;
    }
    /** The table's copy of `value`: the first one it saw, or `value`, which it remembers from then on. */ intern(value) {
        if (value.length > MAX_LENGTH) return value;
        const known = this.known.get(value);
        if (known !== undefined) return known;
        const evicted = this.ring[this.next];
        if (evicted !== undefined) this.known.delete(evicted);
        this.ring[this.next] = value;
        this.next = (this.next + 1) % this.ring.length;
        this.known.set(value, value);
        return value;
    }
    /**
   * Replaces the string values of a document, all the way down, by the table's copies. Only
   * plain objects and arrays that are not frozen are changed (a frozen part is shared with
   * someone else, an event for instance); object keys are left alone (V8 keeps property names
   * once already).
   */ internAll(value) {
        if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
        if (Array.isArray(value)) {
            for(let i = 0; i < value.length; i++){
                const item = value[i];
                if (typeof item === 'string') value[i] = this.intern(item);
                else if (typeof item === 'object') this.internAll(item);
            }
            return;
        }
        const proto = Object.getPrototypeOf(value);
        if (proto !== Object.prototype && proto !== null) return;
        const fields = value;
        for(const key in fields){
            const field = fields[key];
            if (typeof field === 'string') {
                // Always assigned: equal strings compare equal whichever copy they are, so there is no
                // telling whether this one already is the table's (and a reader sees no difference).
                const interned = this.intern(field);
                // An own `__proto__` key (JSON.parse makes them) must stay a field, not become the prototype.
                if (key === '__proto__') Object.defineProperty(fields, key, {
                    value: interned,
                    enumerable: true,
                    writable: true,
                    configurable: true
                });
                else fields[key] = interned;
            } else if (typeof field === 'object') this.internAll(field);
        }
    }
};

//# sourceMappingURL=string-table.js.map