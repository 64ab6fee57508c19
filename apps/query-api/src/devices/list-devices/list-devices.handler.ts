import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { DeviceListResponse, DeviceView } from '@tessera/contracts';
import { ReadStore } from '@tessera/platform/read-store/read-store.port';
import { collectionName, DEVICE_TELEMETRY, DEVICES, devicesDescriptor, type DeviceDoc, type DeviceTelemetryDoc } from '@tessera/read-models';
import { ListDevicesQuery } from './list-devices.query';

/** Most devices one answer lists: a venue has hundreds; every venue together stays well under this. */
export const MAX_DEVICES_LISTED = 10_000;

/**
 * Joins the two halves of a device (libs/read-models devices): what the log says (status, open
 * raises) and what its readings left (last values, last heard).
 */
@QueryHandler(ListDevicesQuery)
export class ListDevicesHandler implements IQueryHandler<ListDevicesQuery, DeviceListResponse> {
  constructor(private readonly reads: ReadStore) {}

  async execute({ venueId, status }: ListDevicesQuery): Promise<DeviceListResponse> {
    const filter = { ...(venueId === undefined ? {} : { venueId }), ...(status === undefined ? {} : { status }) };
    const devices = await this.reads
      .collection<DeviceDoc>(collectionName(devicesDescriptor, DEVICES))
      .find(filter, { sort: { _id: 1 }, limit: MAX_DEVICES_LISTED, readOnly: true });
    const telemetry = devices.length
      ? await this.reads.collection<DeviceTelemetryDoc>(DEVICE_TELEMETRY).find({ _id: { $in: devices.map((device) => device._id) } }, { readOnly: true })
      : [];
    const latest = new Map(telemetry.map((doc) => [doc._id, doc]));
    return {
      items: devices.map((device): DeviceView => {
        const seen = latest.get(device._id);
        return {
          deviceId: device.deviceId,
          venueId: device.venueId,
          type: device.type,
          name: device.name,
          status: device.status,
          lastSeenAt: seen?.lastSeenAt ?? null,
          last: { temperature: seen?.last.temperature ?? null, battery: seen?.last.battery ?? null },
          openIncidents: device.openIncidents,
        };
      }),
    };
  }
}
