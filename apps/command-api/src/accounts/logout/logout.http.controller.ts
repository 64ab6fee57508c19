import { Body, Controller, HttpCode, HttpStatus, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiNoContentResponse } from '@nestjs/swagger';
import { LogoutRequest } from '@tessera/contracts';
import { AuthenticatedRequest, commandContextOf, Public } from '@tessera/platform/auth/auth';
import { Clock } from '@tessera/platform/time/clock';
import type { FastifyReply } from 'fastify';
import { LogoutCommand } from './logout.command';

@Controller('api/auth')
export class LogoutHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly clock: Clock,
  ) {}

  /** Public: the refresh token is the credential, so a client with an expired access token can still sign out. */
  @Public()
  @ApiNoContentResponse({ description: 'The session (the token family) is revoked; a token that is not ours revokes nothing and answers 204 all the same.' })
  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  async logout(
    @Body() body: LogoutRequest,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<void> {
    const { position } = await this.commands.execute(new LogoutCommand(body.refreshToken, commandContextOf(req, this.clock)));
    if (position !== null) res.header('X-Position', position);
  }
}
