import type { DeviceEvent } from '@tessera/contracts';
import type { RecordedEvent } from '@tessera/platform/event-store/event-store.port';
import { DEVICES, devicesDescriptor, type DeviceDoc } from '@tessera/read-models';
import type { DocumentBatch, Projection } from '../projection';

/** How the devices read model (libs/read-models) evolves from the device streams. */

type Doc = Omit<DeviceDoc, '_position'>;

export const evolveDevice = (doc: Doc | null, event: DeviceEvent): Doc | null => {
  switch (event.type) {
    case 'device.registered.v1': {
      const { deviceId, venueId, deviceType, name, registeredAt } = event.data;
      return { _id: deviceId, deviceId, venueId, type: deviceType, name, registeredAt, status: 'offline', open: {}, openIncidents: 0 };
    }
    case 'device.status_changed.v1':
      return doc && { ...doc, status: event.data.to, statusChangedAt: event.data.at };
    case 'device.rule_raised.v1': {
      if (!doc) return doc;
      const { ruleId, incidentId, severity, raisedAt } = event.data;
      const open = { ...doc.open, [ruleId]: { incidentId, severity, raisedAt } };
      return { ...doc, open, openIncidents: Object.keys(open).length };
    }
    case 'device.rule_cleared.v1': {
      if (!doc || doc.open[event.data.ruleId]?.incidentId !== event.data.incidentId) return doc;
      const { [event.data.ruleId]: _cleared, ...open } = doc.open;
      return { ...doc, open, openIncidents: Object.keys(open).length };
    }
    default: {
      const _exhaustive: never = event;
      return doc;
    }
  }
};

export const devicesProjection: Projection = {
  ...devicesDescriptor,

  async apply(event: RecordedEvent, docs: DocumentBatch): Promise<void> {
    const domainEvent = { type: event.type, data: event.data } as DeviceEvent;
    await docs.evolve<DeviceDoc>(DEVICES, domainEvent.data.deviceId, event, (doc) => evolveDevice(doc, domainEvent));
  },
};
