import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse } from '@nestjs/swagger';
import { CreateVoucherRequest, ENTITY_ID_PATTERN, type CreateVoucherResponse } from '@tessera/contracts';
import { CreateVoucherResponseSchema } from '@tessera/contracts/openapi';
import { DomainError } from '@tessera/domain';
import { AuthenticatedRequest, commandContextOf, Roles } from '@tessera/platform/auth/auth';
import { ApiProblems } from '@tessera/platform/http/openapi';
import { Clock } from '@tessera/platform/time/clock';
import type { FastifyReply } from 'fastify';
import { CreateVoucherCommand } from './create-voucher.command';
import { Idempotent } from '@tessera/platform/http/idempotency.interceptor';

@Controller('api/shows')
export class CreateVoucherHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly clock: Clock,
  ) {}

  @ApiCreatedResponse({ type: CreateVoucherResponseSchema })
  @ApiProblems('SHOW_NOT_FOUND', 'INVALID_SHOW_STATE', 'VOUCHER_EXISTS')
  @Idempotent()
  @Post(':showId/vouchers')
  @Roles('admin')
  @HttpCode(201)
  async create(
    @Param('showId') showId: string,
    @Body() body: CreateVoucherRequest,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<CreateVoucherResponse> {
    if (!ENTITY_ID_PATTERN.test(showId)) throw new DomainError('SHOW_NOT_FOUND', `show ${showId} does not exist`);
    const result = await this.commands.execute(new CreateVoucherCommand(showId, body, commandContextOf(req, this.clock)));
    res.header('X-Position', result.position);
    return result;
  }
}
