import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { deviceStream, type RegisterDeviceResponse } from '@tessera/contracts';
import { Device } from '@tessera/domain';
import { Decision, handleCommand } from '@tessera/platform/commands/handle-command';
import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { DeviceKeys } from '@tessera/platform/security/device-keys';
import { DeviceDirectory } from '../rule-engine/device-directory';
import { RegisterDeviceCommand } from './register-device.command';

/**
 * Registration: a new key, its hash into `device.registered.v1`, the key back to the admin once.
 * The stream must not exist yet (DEVICE_EXISTS otherwise). The directory learns the device at
 * once, so the device may send telemetry to this instance with the answer in hand.
 */
@CommandHandler(RegisterDeviceCommand)
export class RegisterDeviceHandler implements ICommandHandler<RegisterDeviceCommand> {
  constructor(
    private readonly events: EventStore,
    private readonly keys: DeviceKeys,
    private readonly directory: DeviceDirectory,
  ) {}

  async execute({ deviceId, venueId, deviceType, name, context }: RegisterDeviceCommand): Promise<RegisterDeviceResponse> {
    const stream = deviceStream(deviceId);
    const { key, hash } = this.keys.issue();
    return handleCommand(this.events, {
      context,
      read: (streams) => streams.read(stream, Device.deviceDecider),
      decide: (device): Decision<RegisterDeviceResponse> => {
        const registered = Device.decide(
          { type: 'RegisterDevice', data: { deviceId, venueId, deviceType, name, keyHash: hash }, metadata: { now: context.now.toISOString() } },
          device.state,
        );
        return {
          append: { [stream]: registered },
          answer: ({ position }) => {
            for (const event of registered) this.directory.apply({ ...event, position });
            return { deviceId, deviceKey: key, position: String(position) };
          },
        };
      },
    });
  }
}
