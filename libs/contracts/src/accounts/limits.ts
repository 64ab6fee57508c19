/** Shape limits of account fields (API.md, Accounts). The password policy beyond length lives in libs/platform/security. */
export const PASSWORD_MIN_LENGTH = 12;
/** Long enough for passphrases and password managers, short enough that hashing stays bounded. */
export const PASSWORD_MAX_LENGTH = 128;
export const DISPLAY_NAME_MAX_LENGTH = 80;
