import { Body, Controller, HttpCode, HttpStatus, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiNoContentResponse } from '@nestjs/swagger';
import { LogoutRequest } from '@tessera/contracts';
import { AuthenticatedRequest, commandContextOf, Public } from '@tessera/platform/auth/auth';
import { clearRefreshCookie, missingRefreshToken, presentedRefreshToken } from '@tessera/platform/auth/refresh-cookie';
import { Clock } from '@tessera/platform/time/clock';
import type { FastifyReply } from 'fastify';
import { ApiRefreshCookieCredential } from '../accounts.refresh-cookie';
import { LogoutCommand } from './logout.command';
import { Idempotent } from '@tessera/platform/http/idempotency.interceptor';

@Controller('api/auth')
export class LogoutHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly clock: Clock,
  ) {}

  /**
   * Public: the refresh token is the credential, so a client with an expired access token can still
   * sign out. From the body, or from the cookie behind the CSRF header; a cookie is always cleared.
   */
  @Public()
  @ApiRefreshCookieCredential()
  @ApiNoContentResponse({ description: 'The session (the token family) is revoked; a token that is not ours revokes nothing and answers 204 all the same.' })
  @Idempotent()
  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  async logout(
    @Body() body: LogoutRequest,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<void> {
    const presented = presentedRefreshToken(req.headers, body.refreshToken);
    if (presented.from === 'none') throw missingRefreshToken();
    if (presented.from === 'cookie') clearRefreshCookie(res);
    if (presented.token === undefined) return;
    const { position } = await this.commands.execute(new LogoutCommand(presented.token, commandContextOf(req, this.clock)));
    if (position !== null) res.header('X-Position', position);
  }
}
