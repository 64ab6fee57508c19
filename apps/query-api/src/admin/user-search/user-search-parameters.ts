import { EMAIL_MAX_LENGTH, normaliseEmail, ROLES, type Role } from '@tessera/contracts';
import { invalidParameter } from '../../paging/position-cursor';

/**
 * The query string of GET /api/admin/users, checked at the edge: a value outside its set is a 400,
 * never a filter that silently matches nothing. The cursor is the `registeredPosition` of the last
 * account served (base64url JSON), opaque to clients.
 */

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;
export const MAX_TEXT_LENGTH = 100;

export interface UserSearchFilters {
  /** Normalised as the accounts code does (normaliseEmail): any spelling finds the account. */
  email?: string;
  /** Lower case (NFC), matched as a literal substring of the e-mail or the display name. */
  text?: string;
  role?: Role;
}


// Control characters (C0, DEL, C1) are in no e-mail or display name.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

export const parseFilters = (query: { email?: string; q?: string; role?: string }): UserSearchFilters => {
  const filters: UserSearchFilters = {};
  if (query.email !== undefined) {
    const email = normaliseEmail(query.email);
    if (email.length === 0 || email.length > EMAIL_MAX_LENGTH || CONTROL.test(email)) throw invalidParameter('email', `must be an e-mail address of at most ${EMAIL_MAX_LENGTH} characters`);
    filters.email = email;
  }
  if (query.q !== undefined) {
    const text = query.q.normalize('NFC').trim().toLowerCase();
    if (text.length === 0 || text.length > MAX_TEXT_LENGTH || CONTROL.test(text)) throw invalidParameter('q', `must be 1 to ${MAX_TEXT_LENGTH} printable characters`);
    filters.text = text;
  }
  if (query.role !== undefined) {
    if (!(ROLES as readonly string[]).includes(query.role)) throw invalidParameter('role', `must be one of ${ROLES.join(', ')}`);
    filters.role = query.role as Role;
  }
  return filters;
};


/** A literal for `$regex`: the text matches as typed, never as a pattern (no ReDoS, no wildcard). */
export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
