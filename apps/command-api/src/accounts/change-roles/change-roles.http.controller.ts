import { Body, Controller, HttpCode, HttpStatus, Param, ParseUUIDPipe, Put, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse } from '@nestjs/swagger';
import { ChangeRolesRequest, type ChangeRolesResponse } from '@tessera/contracts';
import { ChangeRolesResponseSchema } from '@tessera/contracts/openapi';
import { AuthenticatedRequest, commandContextOf, Roles } from '@tessera/platform/auth/auth';
import { ValidationFailedException } from '@tessera/platform/http/validation';
import { Clock } from '@tessera/platform/time/clock';
import { ApiProblems } from '@tessera/platform/http/openapi';
import type { FastifyReply } from 'fastify';
import { ChangeRolesCommand } from './change-roles.command';

/** User ids are UUIDs; anything else is refused before it can name a stream. */
export const userIdParam = new ParseUUIDPipe({
  exceptionFactory: () => new ValidationFailedException([{ field: 'userId', message: 'must be a UUID' }]),
});

@Controller('api/admin/users')
export class ChangeRolesHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly clock: Clock,
  ) {}

  @Roles('admin')
  @ApiOkResponse({ type: ChangeRolesResponseSchema })
  @ApiProblems('USER_NOT_FOUND')
  @Put(':userId/roles')
  @HttpCode(HttpStatus.OK)
  async changeRoles(
    @Param('userId', userIdParam) userId: string,
    @Body() body: ChangeRolesRequest,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<ChangeRolesResponse> {
    const result = await this.commands.execute(new ChangeRolesCommand(userId, body.roles, commandContextOf(req, this.clock)));
    res.header('X-Position', result.position);
    return result;
  }
}
