/** What a caller may do. Every account has at least one role; `user` is what registration gives. */ "use strict";
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
    get ROLES () {
        return ROLES;
    },
    get canonicalRoles () {
        return canonicalRoles;
    },
    get isRole () {
        return isRole;
    }
});
const ROLES = [
    'user',
    'staff',
    'admin'
];
const isRole = (value)=>typeof value === 'string' && ROLES.includes(value);
const canonicalRoles = (roles)=>ROLES.filter((role)=>roles.includes(role));

//# sourceMappingURL=roles.js.map