import { Command } from '@nestjs/cqrs';
import type { DeviceRule, DeviceRulesResponse } from '@tessera/contracts';
import type { CommandContext } from '@tessera/platform/commands/event-sourcing';

/** An admin replaces the device rules, all of them. */
export class SetDeviceRulesCommand extends Command<DeviceRulesResponse> {
  constructor(
    readonly rules: DeviceRule[],
    readonly context: CommandContext,
  ) {
    super();
  }
}
