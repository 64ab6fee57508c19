import type { Role } from './roles';

/** 201 of POST /api/auth/register. `position` is the global log position of the registration. */
export interface RegisterResponse {
  userId: string;
  position: string;
}

/** 200 of POST /api/auth/login and /api/auth/refresh. */
export interface TokenResponse {
  accessToken: string;
  /** Opaque, single use: presenting it again after the grace window revokes the whole session. */
  refreshToken: string;
  tokenType: 'Bearer';
  /** Access token lifetime in seconds. */
  expiresIn: number;
  /** Log position of the session change (family started or token rotated). */
  position: string;
}

/**
 * The body of that 200 as a client gets it: a browser that asked for the cookie
 * (`X-Refresh-Cookie: 1`, or a refresh by cookie) gets no `refreshToken` in it.
 */
export type TokenResponseBody = Omit<TokenResponse, 'refreshToken'> & { refreshToken?: string };

/** 200 of GET /api/auth/me. */
export interface MeResponse {
  userId: string;
  email: string;
  displayName: string;
  roles: Role[];
}

/** 200 of PUT /api/admin/users/{userId}/roles. */
export interface ChangeRolesResponse {
  userId: string;
  roles: Role[];
  position: string;
}

/** One account as an admin finds it (GET /api/admin/users). */
export interface AdminUserSummary {
  userId: string;
  /** Normalised (normaliseEmail). */
  email: string;
  displayName: string;
  roles: Role[];
  /** When the account was registered, ISO 8601 UTC. */
  createdAt: string;
}

/** 200 of GET /api/admin/users: newest accounts first. */
export interface AdminUserListResponse {
  items: AdminUserSummary[];
  nextCursor: string | null;
}

/** 200 of GET /api/admin/users/{userId}. */
export interface AdminUserView extends AdminUserSummary {
  /** Bookings the user has placed (held at least once), whatever became of them since. */
  bookingsCount: number;
  /** Tickets the user holds now (valid or checked in; voided and transferred-away ones are not counted). */
  ticketsCount: number;
}
