import { Query } from '@nestjs/cqrs';
import type { DeviceListResponse, DeviceStatus } from '@tessera/contracts';

/** The devices, optionally of one venue and in one status. */
export class ListDevicesQuery extends Query<DeviceListResponse> {
  constructor(
    readonly venueId: string | undefined,
    readonly status: DeviceStatus | undefined,
  ) {
    super();
  }
}
