import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DEVICE_RULES_STREAM, ruleProblems, type DeviceRule, type DeviceRulesResponse, type DeviceRulesSet } from '@tessera/contracts';
import { toAppend } from '@tessera/platform/commands/event-sourcing';
import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { ValidationFailedException } from '@tessera/platform/http/validation';
import { DeviceDirectory } from '../rule-engine/device-directory';
import { SetDeviceRulesCommand } from './set-device-rules.command';

/**
 * The rules are configuration with a history: each PUT is one `ops.rules_set.v1` on the stream
 * `ops-rules`, holding the whole set (the last one is in force, on every instance, through the
 * directory's subscription). A PUT replaces; nothing is decided on the previous set, so the append
 * expects any revision. Rules the new set drops resolve their open raises at the device's next
 * reading (libs/domain device-rules).
 */
@CommandHandler(SetDeviceRulesCommand)
export class SetDeviceRulesHandler implements ICommandHandler<SetDeviceRulesCommand> {
  constructor(
    private readonly events: EventStore,
    private readonly directory: DeviceDirectory,
  ) {}

  async execute({ rules, context }: SetDeviceRulesCommand): Promise<DeviceRulesResponse> {
    const problems = ruleProblems(rules);
    if (problems.length > 0) throw new ValidationFailedException(problems);
    const plain: DeviceRule[] = rules.map(({ ruleId, deviceTypes, when, severity, raiseAfterSeconds, clearAfterSeconds }) => ({
      ruleId,
      deviceTypes: [...deviceTypes],
      when: { field: when.field, op: when.op, value: when.value },
      severity,
      raiseAfterSeconds,
      clearAfterSeconds,
    }));
    const event: DeviceRulesSet = { type: 'ops.rules_set.v1', data: { rules: plain, setAt: context.now.toISOString() } };
    const { position } = await this.events.append(DEVICE_RULES_STREAM, toAppend(DEVICE_RULES_STREAM, [event], context), { expectedRevision: 'any' });
    this.directory.apply({ ...event, position });
    return { rules: plain, position: String(position) };
  }
}
