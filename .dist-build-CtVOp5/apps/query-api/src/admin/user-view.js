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
    get NEWEST_FIRST () {
        return NEWEST_FIRST;
    },
    get adminUserSummaryOf () {
        return adminUserSummaryOf;
    },
    get adminUserViewOf () {
        return adminUserViewOf;
    },
    get usersIn () {
        return usersIn;
    }
});
const _readmodels = require("../../../../libs/read-models/src");
const usersIn = (reads)=>reads.collection((0, _readmodels.collectionName)(_readmodels.usersDescriptor, _readmodels.USERS));
const NEWEST_FIRST = {
    registeredPosition: -1
};
const adminUserSummaryOf = (doc)=>({
        userId: doc.userId,
        email: doc.email,
        displayName: doc.displayName,
        roles: doc.roles,
        createdAt: doc.createdAt
    });
const adminUserViewOf = (doc)=>({
        ...adminUserSummaryOf(doc),
        bookingsCount: doc.bookingsCount,
        ticketsCount: doc.ticketsCount
    });

//# sourceMappingURL=user-view.js.map