import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Device } from '../api/operations';
import { DevicesByState, groupByState } from './devices-by-state';

afterEach(cleanup);

const device = (deviceId: string, status: Device['status'], openIncidents = 0): Device => ({
  deviceId,
  venueId: 'arena',
  type: 'gate_scanner',
  name: `Gate ${deviceId}`,
  status,
  lastSeenAt: status === 'offline' ? null : '2027-05-01T19:00:00Z',
  last: { temperature: 41, battery: 80 },
  openIncidents,
});

describe('devices by state', () => {
  it('groups the devices, trouble first, and leaves out empty states', () => {
    const groups = groupByState([device('1', 'online'), device('2', 'offline'), device('3', 'online'), device('4', 'degraded')]);
    expect(groups.map((g) => [g.state, g.devices.map((d) => d.deviceId)])).toEqual([
      ['offline', ['2']],
      ['degraded', ['4']],
      ['online', ['1', '3']],
    ]);
  });

  it("shows each device's last reading and its open incidents under its state's heading", () => {
    render(<DevicesByState devices={[device('7', 'degraded', 2), device('8', 'offline')]} />);
    const degraded = screen.getByRole('region', { name: 'Degraded (1)' });
    expect(within(degraded).getByText('Gate 7')).toBeTruthy();
    expect(within(degraded).getByText(/41 °C · battery 80%/)).toBeTruthy();
    expect(within(degraded).getByText('2 open incidents')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Offline (1)' })).getByText(/never seen/)).toBeTruthy();
  });

  it('says when there is no device at all', () => {
    render(<DevicesByState devices={[]} />);
    expect(screen.getByText('No device is registered yet.')).toBeTruthy();
  });
});
