import { Idempotent, NoIdempotentReplay } from '@tessera/platform/http/idempotency.interceptor';
import { Body, Controller, HttpCode, HttpStatus, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse } from '@nestjs/swagger';
import { LoginRequest, type TokenResponseBody } from '@tessera/contracts';
import { TokenResponseSchema } from '@tessera/contracts/openapi';
import { AuthenticatedRequest, commandContextOf, Public } from '@tessera/platform/auth/auth';
import { setRefreshCookie, wantsRefreshCookie } from '@tessera/platform/auth/refresh-cookie';
import { TokenService } from '@tessera/platform/security/token-service';
import { RateLimit } from '@tessera/platform/http/rate-limit';
import { Clock } from '@tessera/platform/time/clock';
import { ApiProblems } from '@tessera/platform/http/openapi';
import type { FastifyReply } from 'fastify';
import { ApiRefreshCookieRequest } from '../accounts.refresh-cookie';
import { LoginCommand } from './login.command';

@Controller('api/auth')
export class LoginHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly clock: Clock,
    private readonly tokens: TokenService,
  ) {}

  @Public()
  @RateLimit('login')
  @NoIdempotentReplay()
  @ApiOkResponse({ type: TokenResponseSchema })
  @ApiProblems('INVALID_CREDENTIALS')
  @ApiRefreshCookieRequest()
  @Idempotent()
  @Post('login')
  @HttpCode(HttpStatus.OK)
  async login(
    @Body() body: LoginRequest,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<TokenResponseBody> {
    const result = await this.commands.execute(new LoginCommand(body.email, body.password, commandContextOf(req, this.clock)));
    res.header('X-Position', result.position);
    res.header('Cache-Control', 'no-store');
    if (!wantsRefreshCookie(req.headers)) return result;
    const { refreshToken, ...answer } = result;
    setRefreshCookie(res, refreshToken, this.tokens.refreshTokenTtlSeconds);
    return answer;
  }
}
