import { IsString, Length } from 'class-validator';
import { REFRESH_TOKEN_MAX_LENGTH } from './limits';

/**
 * POST /api/auth/refresh. The token's format is checked by the token service, so a malformed token
 * answers 401 INVALID_REFRESH_TOKEN like a forged one.
 */
export class RefreshRequest {
  @IsString()
  @Length(1, REFRESH_TOKEN_MAX_LENGTH)
  refreshToken!: string;
}
