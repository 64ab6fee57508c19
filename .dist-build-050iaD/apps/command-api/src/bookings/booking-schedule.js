"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "BookingSchedule", {
    enumerable: true,
    get: function() {
        return BookingSchedule;
    }
});
const _logschedule = require("../schedules/log-schedule");
let BookingSchedule = class BookingSchedule extends _logschedule.LogSchedule {
};

//# sourceMappingURL=booking-schedule.js.map