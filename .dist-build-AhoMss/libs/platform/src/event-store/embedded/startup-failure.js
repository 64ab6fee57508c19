/**
 * Start-up failures of the embedded log that an operator must act on: `runHttpApp` and the CLI
 * turn them into one line on stderr and exit 65 (EX_DATAERR, sysexits.h), instead of a stack
 * trace. Matched by name so that a caller need not load the store to recognise them.
 */ "use strict";
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
    get EXIT_LOG_DAMAGED () {
        return EXIT_LOG_DAMAGED;
    },
    get describeStartupFailure () {
        return describeStartupFailure;
    }
});
const EXIT_LOG_DAMAGED = 65;
const LOG_DAMAGE_ERRORS = new Set([
    'LogCorruptedError',
    'CleanEndUnreadableError',
    'PositionNotInLogError'
]);
const describeStartupFailure = (error)=>{
    if (error instanceof Error && LOG_DAMAGE_ERRORS.has(error.name)) return {
        message: error.message,
        exitCode: EXIT_LOG_DAMAGED
    };
    return undefined;
};

//# sourceMappingURL=startup-failure.js.map