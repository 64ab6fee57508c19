/** Response bodies of the ticket endpoints (API.md, Bookings and tickets). */ "use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});

//# sourceMappingURL=ticket.response.js.map