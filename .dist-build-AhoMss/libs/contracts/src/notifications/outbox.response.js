/** GET /api/admin/outbox (API.md, Live feeds): every e-mail the notifier sent or is trying to send. */ "use strict";
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
    get OUTBOX_DEFAULT_LIMIT () {
        return OUTBOX_DEFAULT_LIMIT;
    },
    get OUTBOX_MAX_LIMIT () {
        return OUTBOX_MAX_LIMIT;
    }
});
const OUTBOX_DEFAULT_LIMIT = 50;
const OUTBOX_MAX_LIMIT = 500;

//# sourceMappingURL=outbox.response.js.map