import { Idempotent, NoIdempotentReplay } from '@tessera/platform/http/idempotency.interceptor';
import { Body, Controller, HttpCode, HttpStatus, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse } from '@nestjs/swagger';
import { RefreshRequest, type TokenResponseBody } from '@tessera/contracts';
import { DomainError } from '@tessera/domain';
import { TokenResponseSchema } from '@tessera/contracts/openapi';
import { AuthenticatedRequest, commandContextOf, Public } from '@tessera/platform/auth/auth';
import { clearRefreshCookie, missingRefreshToken, presentedRefreshToken, setRefreshCookie, wantsRefreshCookie } from '@tessera/platform/auth/refresh-cookie';
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
  @Idempotent()
  @Post('refresh')
  @HttpCode(HttpStatus.OK)
  async refresh(
    @Body() body: RefreshRequest,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<TokenResponseBody> {
    const presented = presentedRefreshToken(req.headers, body.refreshToken);
    if (presented.from === 'none') throw missingRefreshToken();
    res.header('Cache-Control', 'no-store');
    const byCookie = presented.from === 'cookie';
    // No cookie at all is judged like an empty token: 401 INVALID_REFRESH_TOKEN.
    const result = await this.commands.execute(new RefreshSessionCommand(presented.token ?? '', commandContextOf(req, this.clock))).catch((error: unknown) => {
      if (byCookie && error instanceof DomainError) clearRefreshCookie(res);
      throw error;
    });
    res.header('X-Position', result.position);
    if (!byCookie && !wantsRefreshCookie(req.headers)) return result;
    const { refreshToken, ...answer } = result;
    setRefreshCookie(res, refreshToken, this.tokens.refreshTokenTtlSeconds);
    return answer;
  }
}
