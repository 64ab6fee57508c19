import { Logger, Module, OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { TesseraConfig } from '@tessera/platform/config/config';
import { MqttConnection } from '@tessera/platform/mqtt/mqtt-connection';
import { MqttCredentials } from '@tessera/platform/mqtt/mqtt-credentials';
import type { EmbeddedMqttBroker } from '@tessera/platform/mqtt/embedded-broker';
import { EMBEDDED_MQTT_BROKER, MqttModule } from '@tessera/platform/mqtt/mqtt.module';
import { CONFIG } from '@tessera/platform/platform.module';
import { createDeviceKeys, DeviceKeys } from '@tessera/platform/security/device-keys';
import { DeviceAuthentication } from './record-telemetry/device-authentication';
import { MqttTelemetryIngest } from './record-telemetry/mqtt-telemetry-ingest';
import { RecordTelemetryHandler } from './record-telemetry/record-telemetry.handler';
import { RecordTelemetryHttpController } from './record-telemetry/record-telemetry.http.controller';
import { brokerTelemetrySource, connectionTelemetrySource, TELEMETRY_SOURCE } from './record-telemetry/telemetry-source';
import { RegisterDeviceHandler } from './register-device/register-device.handler';
import { RegisterDeviceHttpController } from './register-device/register-device.http.controller';
import { DeviceDirectory } from './rule-engine/device-directory';
import { DeviceRuleEngine } from './rule-engine/device-rule-engine';
import { DeviceSilenceSweep } from './rule-engine/silence-sweep';
import { SetDeviceRulesHandler } from './set-device-rules/set-device-rules.handler';
import { SetDeviceRulesHttpController } from './set-device-rules/set-device-rules.http.controller';

/**
 * Devices and their telemetry (venue operations): registration, ingest over HTTP and MQTT, the
 * rules and the engine that runs readings through them. Incidents are another module's: it reacts
 * to the `device.rule_raised.v1` / `device.rule_cleared.v1` events this one appends.
 *
 * MQTT telemetry arrives from the embedded broker itself (no client between), or, where MQTT_URL
 * names the broker, on the process's one MQTT connection, shared with the notifier's publishes. Importing
 * MqttModule here gives the command-api its connection in distributed mode too; in the standalone
 * process Nest makes it once for both.
 */
@Module({
  imports: [CqrsModule, MqttModule],
  controllers: [RegisterDeviceHttpController, RecordTelemetryHttpController, SetDeviceRulesHttpController],
  providers: [
    {
      provide: DeviceKeys,
      inject: [CONFIG],
      useFactory: (config: TesseraConfig) =>
        createDeviceKeys({ secret: config.DEVICE_KEY_SECRET, production: config.NODE_ENV === 'production', logger: new Logger('DeviceKeys') }),
    },
    {
      provide: TELEMETRY_SOURCE,
      inject: [EMBEDDED_MQTT_BROKER, MqttConnection],
      useFactory: (broker: EmbeddedMqttBroker | null, connection: MqttConnection) => (broker ? brokerTelemetrySource(broker) : connectionTelemetrySource(connection)),
    },
    DeviceDirectory,
    DeviceAuthentication,
    DeviceRuleEngine,
    DeviceSilenceSweep,
    MqttTelemetryIngest,
    RegisterDeviceHandler,
    RecordTelemetryHandler,
    SetDeviceRulesHandler,
  ],
  exports: [DeviceAuthentication, DeviceRuleEngine, DeviceDirectory, MqttTelemetryIngest, DeviceSilenceSweep],
})
export class DevicesModule implements OnModuleInit {
  constructor(
    private readonly authentication: DeviceAuthentication,
    private readonly credentials: MqttCredentials,
  ) {}

  /** The embedded broker asks MqttCredentials: devices connect with their keys. */
  onModuleInit(): void {
    this.credentials.useDeviceVerifier(async (deviceId, deviceKey) => {
      const device = await this.authentication.verify(deviceId, deviceKey);
      return device && { deviceId: device.deviceId, venueId: device.venueId, type: device.deviceType };
    });
  }
}
