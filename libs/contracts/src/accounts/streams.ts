/**
 * Stream names of the accounts part. The e-mail reservation stream is named after a hash of the
 * normalised address (computed by the caller, which may use crypto): stream names stay short, of
 * one alphabet, and do not spell the address out in every stream listing.
 */
const SHA256_HEX = /^[0-9a-f]{64}$/;

export const accountStream = (userId: string): string => `account-${userId}`;

/** `emailHash` is the lowercase SHA-256 hex of the normalised e-mail, never the address itself. */
export const emailStream = (emailHash: string): string => {
  if (!SHA256_HEX.test(emailHash)) throw new Error('emailStream takes the SHA-256 hex of the normalised e-mail');
  return `email-${emailHash}`;
};

export const refreshFamilyStream = (familyId: string): string => `refresh-family-${familyId}`;
