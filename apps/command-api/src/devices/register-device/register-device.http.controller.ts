import { Body, Controller, HttpCode, HttpStatus, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse } from '@nestjs/swagger';
import { RegisterDeviceRequest, type RegisterDeviceResponse } from '@tessera/contracts';
import { RegisterDeviceResponseSchema } from '@tessera/contracts/openapi';
import { AuthenticatedRequest, commandContextOf, Roles } from '@tessera/platform/auth/auth';
import { ApiProblems } from '@tessera/platform/http/openapi';
import { Idempotent, NoIdempotentReplay } from '@tessera/platform/http/idempotency.interceptor';
import { Clock } from '@tessera/platform/time/clock';
import type { FastifyReply } from 'fastify';
import { RegisterDeviceCommand } from './register-device.command';

@Controller('api/devices')
export class RegisterDeviceHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly clock: Clock,
  ) {}

  /** The answer holds the device key: never stored for a replay (a repeat answers DEVICE_EXISTS). */
  @NoIdempotentReplay()
  @ApiCreatedResponse({ type: RegisterDeviceResponseSchema })
  @ApiProblems('DEVICE_EXISTS')
  @Idempotent()
  @Post()
  @HttpCode(HttpStatus.CREATED)
  @Roles('admin')
  async register(
    @Body() body: RegisterDeviceRequest,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<RegisterDeviceResponse> {
    const result = await this.commands.execute(new RegisterDeviceCommand(body.deviceId, body.venueId, body.type, body.name, commandContextOf(req, this.clock)));
    res.header('X-Position', result.position);
    res.header('Cache-Control', 'no-store');
    return result;
  }
}
