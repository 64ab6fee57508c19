import type { DeviceEvent } from '@tessera/contracts';
import { evolveDevice } from './devices.projection';

const device = { deviceId: 'gate-1', venueId: 'arena', deviceType: 'gate_scanner' as const };
const events: DeviceEvent[] = [
  { type: 'device.registered.v1', data: { ...device, name: 'Gate 1', keyHash: 'secret-hash', registeredAt: '2026-06-01T17:00:00.000Z' } },
  { type: 'device.status_changed.v1', data: { ...device, from: 'offline', to: 'online', at: '2026-06-01T18:00:00.000Z' } },
  { type: 'device.rule_raised.v1', data: { ...device, ruleId: 'hot', severity: 'high', incidentId: 'i1', raisedAt: '2026-06-01T18:01:00.000Z', reading: { status: 'online', temperature: 80, at: '2026-06-01T18:01:00.000Z' } } },
  { type: 'device.rule_raised.v1', data: { ...device, ruleId: 'battery-low', severity: 'medium', incidentId: 'i2', raisedAt: '2026-06-01T18:02:00.000Z', reading: { status: 'online', battery: 9, at: '2026-06-01T18:02:00.000Z' } } },
  { type: 'device.rule_cleared.v1', data: { deviceId: 'gate-1', venueId: 'arena', ruleId: 'hot', incidentId: 'i1', clearedAt: '2026-06-01T18:05:00.000Z' } },
];

describe('devices projection', () => {
  it('keeps what a device is, its status and its open raises — never its key hash', () => {
    const doc = events.reduce(evolveDevice, null);
    expect(doc).toEqual({
      _id: 'gate-1',
      deviceId: 'gate-1',
      venueId: 'arena',
      type: 'gate_scanner',
      name: 'Gate 1',
      registeredAt: '2026-06-01T17:00:00.000Z',
      status: 'online',
      statusChangedAt: '2026-06-01T18:00:00.000Z',
      open: { 'battery-low': { incidentId: 'i2', severity: 'medium', raisedAt: '2026-06-01T18:02:00.000Z' } },
      openIncidents: 1,
    });
    expect(JSON.stringify(doc)).not.toContain('secret-hash');
  });

  it('ignores a clear of an incident that is not the open one (a stale clear replayed)', () => {
    const open = events.slice(0, 3).reduce(evolveDevice, null);
    const stale: DeviceEvent = { type: 'device.rule_cleared.v1', data: { deviceId: 'gate-1', venueId: 'arena', ruleId: 'hot', incidentId: 'i0', clearedAt: '2026-06-01T18:05:00.000Z' } };
    expect(evolveDevice(open, stale)).toBe(open);
  });
});
