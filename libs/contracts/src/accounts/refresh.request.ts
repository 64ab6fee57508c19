import { IsOptional, IsString } from 'class-validator';

/**
 * POST /api/auth/refresh. Only the type is checked here: whether the string is one of our refresh
 * tokens (its format included) is the token service's judgement, so an access token, an over-long
 * or an empty string answers 401 INVALID_REFRESH_TOKEN like a forged token, never 400. The body
 * size limit bounds its length. Absent, the token is the `tessera_refresh` cookie, read only with
 * `X-Requested-With: tessera-web` (API.md, Accounts; auth/refresh-cookie.ts).
 */
export class RefreshRequest {
  @IsOptional()
  @IsString()
  refreshToken?: string;
}
