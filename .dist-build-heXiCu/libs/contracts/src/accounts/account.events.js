"use strict";
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
    get ACCESS_REVOKING_EVENT_TYPES () {
        return ACCESS_REVOKING_EVENT_TYPES;
    },
    get ACCOUNT_EVENT_TYPES () {
        return ACCOUNT_EVENT_TYPES;
    },
    get EMAIL_RESERVATION_EVENT_TYPES () {
        return EMAIL_RESERVATION_EVENT_TYPES;
    },
    get REFRESH_FAMILY_EVENT_TYPES () {
        return REFRESH_FAMILY_EVENT_TYPES;
    },
    get REFRESH_REVOCATION_REASONS () {
        return REFRESH_REVOCATION_REASONS;
    }
});
const REFRESH_REVOCATION_REASONS = [
    'reuse_detected',
    'logout',
    'roles_changed',
    'account_disabled'
];
const ACCOUNT_EVENT_TYPES = [
    'account.registered.v1',
    'account.roles-changed.v1',
    'account.signed-out.v1'
];
const ACCESS_REVOKING_EVENT_TYPES = [
    'account.roles-changed.v1',
    'account.signed-out.v1'
];
const EMAIL_RESERVATION_EVENT_TYPES = [
    'email.reserved.v1'
];
const REFRESH_FAMILY_EVENT_TYPES = [
    'refresh.family-started.v1',
    'refresh.rotated.v1',
    'refresh.family-revoked.v1'
];

//# sourceMappingURL=account.events.js.map