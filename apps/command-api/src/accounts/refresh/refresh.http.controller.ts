import { NoIdempotentReplay } from '@tessera/platform/http/idempotency.interceptor';
import { Body, Controller, HttpCode, HttpStatus, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse } from '@nestjs/swagger';
import { RefreshRequest, type TokenResponse } from '@tessera/contracts';
import { TokenResponseSchema } from '@tessera/contracts/openapi';
import { AuthenticatedRequest, commandContextOf, Public } from '@tessera/platform/auth/auth';
import { RateLimit } from '@tessera/platform/http/rate-limit';
import { Clock } from '@tessera/platform/time/clock';
import { ApiProblems } from '@tessera/platform/http/openapi';
import type { FastifyReply } from 'fastify';
import { RefreshSessionCommand } from './refresh.command';

@Controller('api/auth')
export class RefreshHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly clock: Clock,
  ) {}

  /** Public: the refresh token in the body is the credential (an access token may have expired). */
  @Public()
  @RateLimit('refresh')
  @NoIdempotentReplay()
  @ApiOkResponse({ type: TokenResponseSchema })
  @ApiProblems('INVALID_REFRESH_TOKEN', 'REFRESH_TOKEN_REUSED')
  @Post('refresh')
  @HttpCode(HttpStatus.OK)
  async refresh(
    @Body() body: RefreshRequest,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<TokenResponse> {
    const result = await this.commands.execute(new RefreshSessionCommand(body.refreshToken, commandContextOf(req, this.clock)));
    res.header('X-Position', result.position);
    res.header('Cache-Control', 'no-store');
    return result;
  }
}
