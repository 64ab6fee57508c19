import { Body, Controller, HttpCode, HttpStatus, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse } from '@nestjs/swagger';
import { RegisterRequest, type RegisterResponse } from '@tessera/contracts';
import { RegisterResponseSchema } from '@tessera/contracts/openapi';
import { AuthenticatedRequest, commandContextOf, Public } from '@tessera/platform/auth/auth';
import { deterministicEventId } from '@tessera/platform/commands/event-sourcing';
import { Clock, IdGenerator } from '@tessera/platform/time/clock';
import { ApiProblems } from '@tessera/platform/http/openapi';
import type { FastifyReply } from 'fastify';
import { RegisterAccountCommand } from './register.command';
import { Idempotent } from '@tessera/platform/http/idempotency.interceptor';

@Controller('api/auth')
export class RegisterHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  @Public()
  @ApiCreatedResponse({ type: RegisterResponseSchema })
  @ApiProblems('EMAIL_TAKEN')
  @Idempotent()
  @Post('register')
  @HttpCode(HttpStatus.CREATED)
  async register(
    @Body() body: RegisterRequest,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<RegisterResponse> {
    const userId = req.commandId ? deterministicEventId(req.commandId, 'account', 0) : this.ids.newId();
    const result = await this.commands.execute(
      new RegisterAccountCommand(userId, body.email, body.password, body.displayName, commandContextOf(req, this.clock)),
    );
    res.header('X-Position', result.position);
    return result;
  }
}
