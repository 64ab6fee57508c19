import { IsString, Length } from 'class-validator';
import { REFRESH_TOKEN_MAX_LENGTH } from './limits';

/** POST /api/auth/logout: revokes the family of the presented refresh token. */
export class LogoutRequest {
  @IsString()
  @Length(1, REFRESH_TOKEN_MAX_LENGTH)
  refreshToken!: string;
}
