import { Controller, Get, Query, UseInterceptors } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiQuery } from '@nestjs/swagger';
import { DEVICE_ID_PATTERN, DEVICE_STATUSES, ListDevicesRequest, type DeviceListResponse } from '@tessera/contracts';
import { DeviceListResponseSchema } from '@tessera/contracts/openapi';
import { Roles } from '@tessera/platform/auth/auth';
import { MinPositionInterceptor } from '../../read-your-writes/min-position.interceptor';
import { ListDevicesQuery } from './list-devices.query';

@UseInterceptors(MinPositionInterceptor)
@Controller('api/devices')
export class ListDevicesHttpController {
  constructor(private readonly queries: QueryBus) {}

  @ApiOkResponse({ type: DeviceListResponseSchema, description: 'Sorted by device id; at most 10,000.' })
  @ApiQuery({ name: 'venueId', required: false, schema: { type: 'string', pattern: DEVICE_ID_PATTERN.source } })
  @ApiQuery({ name: 'status', required: false, schema: { type: 'string', enum: [...DEVICE_STATUSES] } })
  @Get()
  @Roles('staff', 'admin')
  list(@Query() query: ListDevicesRequest): Promise<DeviceListResponse> {
    return this.queries.execute(new ListDevicesQuery(query.venueId, query.status));
  }
}
