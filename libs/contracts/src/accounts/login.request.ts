import { IsString, Length } from 'class-validator';
import { EMAIL_MAX_LENGTH } from './email';
import { PASSWORD_MAX_LENGTH } from './limits';
import { Trim } from './trim';

/**
 * POST /api/auth/login. Deliberately looser than registration: a malformed e-mail or an old short
 * password must answer 401 INVALID_CREDENTIALS like any wrong pair, not a 400 that tells them apart.
 */
export class LoginRequest {
  @Trim()
  @IsString()
  @Length(1, EMAIL_MAX_LENGTH)
  email!: string;

  @IsString()
  @Length(1, PASSWORD_MAX_LENGTH)
  password!: string;
}
