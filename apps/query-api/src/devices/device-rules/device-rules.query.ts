import { Query } from '@nestjs/cqrs';
import type { DeviceRulesResponse } from '@tessera/contracts';

/** The device rules in force. */
export class DeviceRulesQuery extends Query<DeviceRulesResponse> {}
