/**
 * Crash points for the tests that kill a real process at a chosen moment: started with
 * `TESSERA_FAULT_INJECTION=<point>[,<point>]`, the process kills itself with SIGKILL the first
 * time it reaches a named point. Production never sets the variable. It is read straight from
 * the environment on purpose: it is a test switch, not configuration.
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
    get CrashPoints () {
        return CrashPoints;
    },
    get FAULT_INJECTION_VARIABLE () {
        return FAULT_INJECTION_VARIABLE;
    }
});
const FAULT_INJECTION_VARIABLE = 'TESSERA_FAULT_INJECTION';
let CrashPoints = class CrashPoints {
    constructor(environment = process.env){
        this.points = new Set((environment[FAULT_INJECTION_VARIABLE] ?? '').split(',').map((point)=>point.trim()).filter(Boolean));
    }
    get armed() {
        return [
            ...this.points
        ];
    }
    /** Dies here (SIGKILL, no clean-up) when this point was named. */ reached(point) {
        if (!this.points.has(point)) return;
        process.stderr.write(`fault injection: SIGKILL at ${point}\n`);
        process.kill(process.pid, 'SIGKILL');
    }
};

//# sourceMappingURL=fault-injection.js.map