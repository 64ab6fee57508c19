/**
 * The envelope every Tessera event travels in. Event type strings are explicit and versioned
 * (`booking.placed.v1`); they are never derived from a class name.
 */ "use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "schemaVersionOf", {
    enumerable: true,
    get: function() {
        return schemaVersionOf;
    }
});
const schemaVersionOf = (type)=>{
    const match = /\.v(\d+)$/.exec(type);
    if (!match) throw new Error(`event type "${type}" has no version suffix`);
    return Number(match[1]);
};

//# sourceMappingURL=envelope.js.map