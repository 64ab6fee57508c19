/** How amounts and times read in e-mails: English, UTC, money from minor units in the show's currency. */ "use strict";
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
    get formatMoney () {
        return formatMoney;
    },
    get formatTime () {
        return formatTime;
    }
});
const formatMoney = (minorUnits, currency)=>{
    const format = new Intl.NumberFormat('en-GB', {
        style: 'currency',
        currency
    });
    const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
    return format.format(minorUnits / 10 ** digits);
};
const formatTime = (iso)=>`${new Intl.DateTimeFormat('en-GB', {
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZone: 'UTC'
    }).format(new Date(iso))} UTC`;

//# sourceMappingURL=format.js.map