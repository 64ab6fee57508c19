import { Body, Controller, Headers, HttpCode, HttpStatus, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiBody, ApiHeader } from '@nestjs/swagger';
import type { TelemetryAccepted } from '@tessera/contracts';
import { TelemetryAcceptedSchema, TelemetryBodySchema } from '@tessera/contracts/openapi';
import { AuthenticatedRequest, Public } from '@tessera/platform/auth/auth';
import { Idempotent, NoIdempotentReplay } from '@tessera/platform/http/idempotency.interceptor';
import { ApiProblems } from '@tessera/platform/http/openapi';
import { randomUUID } from 'node:crypto';
import { RecordTelemetryCommand } from './record-telemetry.command';

@Controller('api/devices')
export class RecordTelemetryHttpController {
  constructor(private readonly commands: CommandBus) {}

  /** Public: the device key is the credential. Readings are not replayed for an Idempotency-Key (a repeat is harmless). */
  @Public()
  @NoIdempotentReplay()
  @ApiHeader({ name: 'X-Device-Key', required: true, description: 'The key shown when the device was registered.' })
  @ApiBody({ schema: TelemetryBodySchema })
  @ApiAcceptedResponse({ type: TelemetryAcceptedSchema })
  @ApiProblems('INVALID_DEVICE_KEY')
  @Idempotent()
  @Post(':deviceId/telemetry')
  @HttpCode(HttpStatus.ACCEPTED)
  telemetry(
    @Param('deviceId') deviceId: string,
    @Headers('x-device-key') deviceKey: string | undefined,
    @Body() body: unknown,
    @Req() req: AuthenticatedRequest,
  ): Promise<TelemetryAccepted> {
    return this.commands.execute(new RecordTelemetryCommand(deviceId, deviceKey, body, req.id !== undefined ? String(req.id) : randomUUID()));
  }
}
