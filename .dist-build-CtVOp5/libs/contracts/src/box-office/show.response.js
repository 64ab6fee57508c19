/** Response bodies of the show endpoints (API.md, Shows). `position` is the global log position as a decimal string. */ "use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});

//# sourceMappingURL=show.response.js.map