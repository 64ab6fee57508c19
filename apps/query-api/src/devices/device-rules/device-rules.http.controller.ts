import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse } from '@nestjs/swagger';
import type { DeviceRulesResponse } from '@tessera/contracts';
import { DeviceRulesResponseSchema } from '@tessera/contracts/openapi';
import { Roles } from '@tessera/platform/auth/auth';
import { DeviceRulesQuery } from './device-rules.query';

@Controller('api/ops/rules')
export class DeviceRulesHttpController {
  constructor(private readonly queries: QueryBus) {}

  @ApiOkResponse({ type: DeviceRulesResponseSchema })
  @Get()
  @Roles('staff', 'admin')
  rules(): Promise<DeviceRulesResponse> {
    return this.queries.execute(new DeviceRulesQuery());
  }
}
