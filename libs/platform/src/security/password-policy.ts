import { normaliseEmail, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@tessera/contracts';
import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * Password policy after NIST SP 800-63B §3.1.1.2: length over composition rules, and no password
 * an attacker tries first. "Tries first" is the ~49,000 most common passwords that zxcvbn-ts ships
 * (@zxcvbn-ts/language-common, MIT, compiled from leaked-password frequency lists), matched
 * without case, also after stripping the digits and symbols people append to reach a length
 * ("password1234!" is "password" to a cracking rule), plus context words: the user's own e-mail,
 * its local part and display name.
 */
let commonPasswords: ReadonlySet<string> | undefined;

const isCommon = (candidate: string): boolean => {
  commonPasswords ??= new Set(dictionary['passwords-common'].map((word) => word.toLowerCase()));
  return commonPasswords.has(candidate);
};

/** The word a cracking rule starts from: without the digits and symbols (anything not a letter) padded on either end. */
const corePassword = (lowercase: string): string => lowercase.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');

export interface PasswordContext {
  email: string;
  displayName: string;
}

/** The reason the password is refused, worded for the user, or null when it is acceptable. */
export const checkPasswordPolicy = (password: string, context: PasswordContext): string | null => {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `password must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (length > PASSWORD_MAX_LENGTH) return `password must be at most ${PASSWORD_MAX_LENGTH} characters`;

  const lowercase = password.normalize('NFC').toLowerCase();
  const email = normaliseEmail(context.email);
  const ownWords = [email, email.split('@')[0], context.displayName.normalize('NFC').trim().toLowerCase()].filter(
    (word) => word.length > 0,
  );
  const core = corePassword(lowercase);
  if (ownWords.includes(lowercase) || ownWords.includes(core)) {
    return 'password must not be your e-mail or display name';
  }
  if (new Set(lowercase).size === 1) return 'password must not repeat a single character';
  if (isCommon(lowercase) || (core.length >= 4 && isCommon(core))) {
    return 'password is too common: choose one that is not on lists of leaked passwords';
  }
  return null;
};
