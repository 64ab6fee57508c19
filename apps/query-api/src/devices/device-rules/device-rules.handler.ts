import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DEFAULT_DEVICE_RULES, DEVICE_RULES_STREAM, type DeviceRulesResponse, type DeviceRulesSet } from '@tessera/contracts';
import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { DeviceRulesQuery } from './device-rules.query';

/** The last rule set on the `ops-rules` stream (one event read, backwards), or the defaults of API.md. */
@QueryHandler(DeviceRulesQuery)
export class DeviceRulesHandler implements IQueryHandler<DeviceRulesQuery, DeviceRulesResponse> {
  constructor(private readonly events: EventStore) {}

  async execute(): Promise<DeviceRulesResponse> {
    const [last] = await this.events.readStream(DEVICE_RULES_STREAM, { direction: 'backwards', maxCount: 1 });
    return { rules: last ? (last.data as DeviceRulesSet['data']).rules : [...DEFAULT_DEVICE_RULES] };
  }
}
