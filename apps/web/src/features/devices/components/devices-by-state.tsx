import { formatDateTime } from '@/lib/format';
import type { Device } from '../api/operations';

/** Trouble first: the states a person has to act on come before the healthy ones. */
export const STATE_ORDER: readonly Device['status'][] = ['offline', 'silent', 'degraded', 'online'];

const STATE_LABEL: Record<Device['status'], string> = { offline: 'Offline', silent: 'Silent', degraded: 'Degraded', online: 'Online' };

export const groupByState = (devices: readonly Device[]): { state: Device['status']; devices: Device[] }[] =>
  STATE_ORDER.map((state) => ({ state, devices: devices.filter((d) => d.status === state) })).filter((group) => group.devices.length > 0);

const reading = (device: Device): string =>
  [
    device.last.temperature === null ? undefined : `${device.last.temperature} °C`,
    device.last.battery === null ? undefined : `battery ${device.last.battery}%`,
    device.lastSeenAt ? `seen ${formatDateTime(device.lastSeenAt)}` : 'never seen',
  ]
    .filter(Boolean)
    .join(' · ');

export function DevicesByState({ devices }: { devices: readonly Device[] }) {
  if (devices.length === 0) return <p>No device is registered yet.</p>;
  return (
    <div className="space-y-4">
      {groupByState(devices).map((group) => (
        <section key={group.state} aria-labelledby={`devices-${group.state}`}>
          <h3 id={`devices-${group.state}`} className="mb-2 text-lg font-semibold">
            {STATE_LABEL[group.state]} ({group.devices.length})
          </h3>
          <ul className="grid gap-2 sm:grid-cols-2 xl:grid-cols-3">
            {group.devices.map((device) => (
              <li key={device.deviceId} data-testid="device" data-status={device.status} className="rounded-lg border border-slate-300 bg-white p-3">
                <p className="font-semibold">
                  {device.name} <span className="font-normal text-slate-700">({device.type.replace('_', ' ')}, {device.venueId})</span>
                </p>
                <p className="text-sm">
                  <span className="font-medium">{STATE_LABEL[device.status]}</span> · {reading(device)}
                </p>
                {device.openIncidents > 0 ? (
                  <p className="text-sm font-semibold text-red-800">
                    {device.openIncidents} open incident{device.openIncidents > 1 ? 's' : ''}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
