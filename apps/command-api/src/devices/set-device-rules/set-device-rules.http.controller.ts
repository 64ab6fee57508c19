import { Body, Controller, Put, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse } from '@nestjs/swagger';
import { PutDeviceRulesRequest, type DeviceRulesResponse } from '@tessera/contracts';
import { DeviceRulesResponseSchema } from '@tessera/contracts/openapi';
import { AuthenticatedRequest, commandContextOf, Roles } from '@tessera/platform/auth/auth';
import { Clock } from '@tessera/platform/time/clock';
import type { FastifyReply } from 'fastify';
import { SetDeviceRulesCommand } from './set-device-rules.command';

@Controller('api/ops/rules')
export class SetDeviceRulesHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly clock: Clock,
  ) {}

  @ApiOkResponse({ type: DeviceRulesResponseSchema })
  @Put()
  @Roles('admin')
  async setRules(
    @Body() body: PutDeviceRulesRequest,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<DeviceRulesResponse> {
    const result = await this.commands.execute(new SetDeviceRulesCommand(body.rules, commandContextOf(req, this.clock)));
    res.header('X-Position', result.position ?? '');
    return result;
  }
}
