import { Command } from '@nestjs/cqrs';
import type { DeviceType, RegisterDeviceResponse } from '@tessera/contracts';
import type { CommandContext } from '@tessera/platform/commands/event-sourcing';

/** An admin registers a device; the answer carries its key, once. */
export class RegisterDeviceCommand extends Command<RegisterDeviceResponse> {
  constructor(
    readonly deviceId: string,
    readonly venueId: string,
    readonly deviceType: DeviceType,
    readonly name: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
