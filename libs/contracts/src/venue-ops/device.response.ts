import type { DeviceStatus, DeviceType } from './device.events';
import type { DeviceRule } from './device-rules';

/** Response bodies of the device endpoints (API.md, Venue operations). */

export interface RegisterDeviceResponse {
  deviceId: string;
  /** Shown once: Tessera keeps only its hash. */
  deviceKey: string;
  position: string;
}

export interface TelemetryAccepted {
  accepted: number;
}

export interface DeviceView {
  deviceId: string;
  venueId: string;
  type: DeviceType;
  name: string;
  status: DeviceStatus;
  lastSeenAt: string | null;
  last: { temperature: number | null; battery: number | null };
  openIncidents: number;
}

export interface DeviceListResponse {
  items: DeviceView[];
}

export interface DeviceRulesResponse {
  rules: DeviceRule[];
  /** Present on the answer to a PUT. */
  position?: string;
}
