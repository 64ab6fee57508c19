import { Injectable } from '@nestjs/common';

/**
 * Who may connect to the MQTT broker that Tessera runs itself (the embedded broker of the
 * standalone process). Where MQTT_URL names an external broker (Mosquitto), that broker's own
 * authentication and ACLs apply instead.
 *
 * - A device connects with username = deviceId and password = deviceKey, and may publish only to
 *   its own telemetry topic (`venues/{venueId}/devices/{type}/{deviceId}/telemetry`).
 * - The integration user (configured by the admin) may subscribe to `tessera/#`.
 * - Tessera's own clients (the notifier's publisher, the telemetry ingest) connect as `internal`.
 */
export type MqttPrincipal =
  | { kind: 'device'; deviceId: string; venueId: string; type: string }
  | { kind: 'integration'; username: string }
  | { kind: 'internal' };

/** Checks a device's key; the venue-operations module provides it. Null for an unknown device or a wrong key. */
export type DeviceKeyVerifier = (deviceId: string, deviceKey: string) => Promise<{ deviceId: string; venueId: string; type: string } | null>;

@Injectable()
export class MqttCredentials {
  private deviceVerifier: DeviceKeyVerifier | undefined;

  /** Called once by the module that owns devices. */
  useDeviceVerifier(verifier: DeviceKeyVerifier): void {
    this.deviceVerifier = verifier;
  }

  verifyDevice(deviceId: string, deviceKey: string): Promise<{ deviceId: string; venueId: string; type: string } | null> {
    return this.deviceVerifier ? this.deviceVerifier(deviceId, deviceKey) : Promise.resolve(null);
  }
}
