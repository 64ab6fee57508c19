/** What a caller may do. Every account has at least one role; `user` is what registration gives. */
export const ROLES = ['user', 'staff', 'admin'] as const;

export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/** Roles in one canonical order without duplicates, so equal sets compare and store equally. */
export const canonicalRoles = (roles: readonly Role[]): Role[] => ROLES.filter((role) => roles.includes(role));
