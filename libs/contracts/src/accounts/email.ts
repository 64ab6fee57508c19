/**
 * One spelling per mailbox, shared by the request layer, the domain and the reservation stream
 * name: `" Ada@Example.COM "` and `"ada@example.com"` must collide, or e-mail uniqueness leaks.
 * NFC first so that composed and decomposed accents are the same address.
 */
export const normaliseEmail = (email: string): string => email.normalize('NFC').trim().toLowerCase();

/** RFC 5321 caps a forward path at 256 octets including the angle brackets. */
export const EMAIL_MAX_LENGTH = 254;
