"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "checkPasswordPolicy", {
    enumerable: true,
    get: function() {
        return checkPasswordPolicy;
    }
});
const _contracts = require("../../../contracts/src");
const _languagecommon = require("@zxcvbn-ts/language-common");
/**
 * Password policy after NIST SP 800-63B §3.1.1.2: length over composition rules, and no password
 * an attacker tries first. "Tries first" is the ~49,000 most common passwords that zxcvbn-ts ships
 * (@zxcvbn-ts/language-common, MIT, compiled from leaked-password frequency lists), matched
 * without case, also after stripping the digits and symbols people append to reach a length
 * ("password1234!" is "password" to a cracking rule), plus context words: the user's own e-mail,
 * its local part and display name.
 */ let commonPasswords;
const isCommon = (candidate)=>{
    commonPasswords ??= new Set(_languagecommon.dictionary['passwords-common'].map((word)=>word.toLowerCase()));
    return commonPasswords.has(candidate);
};
/** The word a cracking rule starts from: without the digits and symbols (anything not a letter) padded on either end. */ const corePassword = (lowercase)=>lowercase.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
const checkPasswordPolicy = (password, context)=>{
    const length = [
        ...password
    ].length;
    if (length < _contracts.PASSWORD_MIN_LENGTH) return `password must be at least ${_contracts.PASSWORD_MIN_LENGTH} characters`;
    if (length > _contracts.PASSWORD_MAX_LENGTH) return `password must be at most ${_contracts.PASSWORD_MAX_LENGTH} characters`;
    const lowercase = password.normalize('NFC').toLowerCase();
    const email = (0, _contracts.normaliseEmail)(context.email);
    const ownWords = [
        email,
        email.split('@')[0],
        context.displayName.normalize('NFC').trim().toLowerCase()
    ].filter((word)=>word.length > 0);
    const core = corePassword(lowercase);
    if (ownWords.includes(lowercase) || ownWords.includes(core)) {
        return 'password must not be your e-mail or display name';
    }
    if (new Set(lowercase).size === 1) return 'password must not repeat a single character';
    if (isCommon(lowercase) || core.length >= 4 && isCommon(core)) {
        return 'password is too common: choose one that is not on lists of leaked passwords';
    }
    return null;
};

//# sourceMappingURL=password-policy.js.map