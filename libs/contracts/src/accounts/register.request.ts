import { IsEmail, IsString, Length, MaxLength } from 'class-validator';
import { EMAIL_MAX_LENGTH } from './email';
import { DISPLAY_NAME_MAX_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './limits';
import { Trim } from './trim';

/**
 * POST /api/auth/register. Shape only: the handler normalises the e-mail and applies the password
 * policy (common passwords, password equal to e-mail or name), which needs more than one field.
 * No role, status or id field exists here, so a client can never set one.
 */
export class RegisterRequest {
  @Trim()
  @IsString()
  @MaxLength(EMAIL_MAX_LENGTH)
  @IsEmail()
  email!: string;

  @IsString()
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH)
  password!: string;

  @Trim()
  @IsString()
  @Length(1, DISPLAY_NAME_MAX_LENGTH)
  displayName!: string;
}
