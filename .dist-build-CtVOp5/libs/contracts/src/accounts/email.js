/**
 * One spelling per mailbox, shared by the request layer, the domain and the reservation stream
 * name: `" Ada@Example.COM "` and `"ada@example.com"` must collide, or e-mail uniqueness leaks.
 * NFC first so that composed and decomposed accents are the same address.
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
    get EMAIL_MAX_LENGTH () {
        return EMAIL_MAX_LENGTH;
    },
    get normaliseEmail () {
        return normaliseEmail;
    }
});
const normaliseEmail = (email)=>email.normalize('NFC').trim().toLowerCase();
const EMAIL_MAX_LENGTH = 254;

//# sourceMappingURL=email.js.map