/** Shape limits of account fields (API.md, Accounts). The password policy beyond length lives in libs/platform/security. */ "use strict";
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
    get DISPLAY_NAME_MAX_LENGTH () {
        return DISPLAY_NAME_MAX_LENGTH;
    },
    get PASSWORD_MAX_LENGTH () {
        return PASSWORD_MAX_LENGTH;
    },
    get PASSWORD_MIN_LENGTH () {
        return PASSWORD_MIN_LENGTH;
    }
});
const PASSWORD_MIN_LENGTH = 12;
const PASSWORD_MAX_LENGTH = 128;
const DISPLAY_NAME_MAX_LENGTH = 80;

//# sourceMappingURL=limits.js.map