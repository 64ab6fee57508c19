import { IsOptional, IsString } from 'class-validator';

/**
 * POST /api/auth/logout: revokes the family of the presented refresh token. As for refresh, any
 * string is judged by the token service (a malformed one revokes nothing and still answers 204).
 * Absent, the token is the `tessera_refresh` cookie, as for refresh.
 */
export class LogoutRequest {
  @IsOptional()
  @IsString()
  refreshToken?: string;
}
