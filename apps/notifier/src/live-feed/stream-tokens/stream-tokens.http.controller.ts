import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import type { StreamTokenResponse } from '@tessera/contracts';
import { StreamTokenResponseSchema } from '@tessera/contracts/openapi';
import { CurrentUser, type AuthenticatedUser } from '@tessera/platform/auth/auth';
import { StreamTokens } from './stream-tokens';
import { Idempotent } from '@tessera/platform/http/idempotency.interceptor';

/** POST /api/notifications/stream-tokens: any signed-in user. */
@Controller('api/notifications')
export class StreamTokensHttpController {
  constructor(private readonly tokens: StreamTokens) {}

  @ApiCreatedResponse({ type: StreamTokenResponseSchema, description: 'A one-minute, single-use token for GET /api/notifications/stream?token=…' })
  @HttpCode(201)
  @Idempotent()
  @Post('stream-tokens')
  create(@CurrentUser() user: AuthenticatedUser): Promise<StreamTokenResponse> {
    return this.tokens.issue(user);
  }
}
