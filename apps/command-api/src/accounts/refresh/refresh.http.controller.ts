import { NoIdempotentReplay } from '@tessera/platform/http/idempotency.interceptor';
import { Body, Controller, HttpCode, HttpStatus, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse } from '@nestjs/swagger';
import { RefreshRequest, type TokenResponseBody } from '@tessera/contracts';
import { DomainError } from '@tessera/domain';
import { TokenResponseSchema } from '@tessera/contracts/openapi';
import { AuthenticatedRequest, commandContextOf, Public } from '@tessera/platform/auth/auth';
import { clearRefreshCookie, presentedRefreshToken, setRefreshCookie, wantsRefreshCookie } from '@tessera/platform/auth/refresh-cookie';
import { ValidationFailedException } from '@tessera/platform/http/validation';
import { TokenService } from '@tessera/platform/security/token-service';
import { RateLimit } from '@tessera/platform/http/rate-limit';
import { Clock } from '@tessera/platform/time/clock';
import { ApiProblems } from '@tessera/platform/http/openapi';
import type { FastifyReply } from 'fastify';
import { ApiRefreshCookieCredential, ApiRefreshCookieRequest } from '../accounts.refresh-cookie';
import { RefreshSessionCommand } from './refresh.command';

@Controller('api/auth')
export class RefreshHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly clock: Clock,
    private readonly tokens: TokenService,
  ) {}

  /**
   * Public: the refresh token is the credential (an access token may have expired), from the body,
   * or from the cookie behind the CSRF header. A refresh by cookie answers by cookie (the token never
   * reaches page scripts), and a cookie that no longer works is cleared.
   */
  @Public()
  @RateLimit('refresh')
  @NoIdempotentReplay()
  @ApiOkResponse({ type: TokenResponseSchema })
  @ApiProblems('INVALID_REFRESH_TOKEN', 'REFRESH_TOKEN_REUSED')
  @ApiRefreshCookieRequest()
  @ApiRefreshCookieCredential()
  @Post('refresh')
  @HttpCode(HttpStatus.OK)
  async refresh(
    @Body() body: RefreshRequest,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<TokenResponseBody> {
    void body; // validated for its shape; the token is read with the cookie's rules below
    const presented = presentedRefreshToken(req);
    if (presented.from === 'none') {
      throw new ValidationFailedException([{ field: 'refreshToken', message: 'is required (or the tessera_refresh cookie with X-Requested-With: tessera-web)' }]);
    }
    res.header('Cache-Control', 'no-store');
    const byCookie = presented.from === 'cookie';
    let result;
    try {
      if (presented.token === undefined) throw new DomainError('INVALID_REFRESH_TOKEN', 'no refresh token was presented');
      result = await this.commands.execute(new RefreshSessionCommand(presented.token, commandContextOf(req, this.clock)));
    } catch (error) {
      if (byCookie && error instanceof DomainError) clearRefreshCookie(res);
      throw error;
    }
    res.header('X-Position', result.position);
    if (!byCookie && !wantsRefreshCookie(req)) return result;
    const { refreshToken, ...answer } = result;
    setRefreshCookie(res, refreshToken, this.tokens.refreshTokenTtlSeconds);
    return answer;
  }
}
