import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { parseTelemetry, type TelemetryAccepted } from '@tessera/contracts';
import { ValidationFailedException } from '@tessera/platform/http/validation';
import { Clock } from '@tessera/platform/time/clock';
import { DeviceRuleEngine } from '../rule-engine/device-rule-engine';
import { DeviceAuthentication } from './device-authentication';
import { RecordTelemetryCommand } from './record-telemetry.command';

/**
 * Authenticate, check the whole body (a batch is all or nothing: one bad reading refuses it all,
 * and none of it reaches the rules), then run the readings through the rules. Answered once
 * the transitions they caused are in the log.
 */
@CommandHandler(RecordTelemetryCommand)
export class RecordTelemetryHandler implements ICommandHandler<RecordTelemetryCommand> {
  constructor(
    private readonly authentication: DeviceAuthentication,
    private readonly engine: DeviceRuleEngine,
    private readonly clock: Clock,
  ) {}

  async execute({ deviceId, deviceKey, body, correlationId }: RecordTelemetryCommand): Promise<TelemetryAccepted> {
    await this.authentication.authenticate(deviceId, deviceKey);
    const parsed = parseTelemetry(body, this.clock.now().getTime());
    if ('errors' in parsed) throw new ValidationFailedException(parsed.errors);
    await this.engine.record(deviceId, parsed.readings, 'http', { correlationId });
    return { accepted: parsed.readings.length };
  }
}
