import { topicMatches, withoutCredentials } from './mqtt-connection';

describe('MQTT topic filters (how received messages find their handlers)', () => {
  it.each([
    ['venues/+/devices/+/+/telemetry', 'venues/arena/devices/pos/p1/telemetry', true],
    ['venues/+/devices/+/+/telemetry', 'venues/arena/devices/pos/p1/status', false],
    ['venues/+/devices/+/+/telemetry', 'venues/arena/devices/pos/telemetry', false],
    ['tessera/#', 'tessera/shows/s1/availability', true],
    ['tessera/#', 'tessera', true],
    ['#', '$SYS/broker/heartbeat', false],
    ['+/broker/heartbeat', '$SYS/broker/heartbeat', false],
    ['tessera/shows/s1/availability', 'tessera/shows/s1/availability', true],
    ['tessera/shows/s1', 'tessera/shows/s1/availability', false],
  ])('%s matches %s: %s', (filter, topic, matches) => {
    expect(topicMatches(filter, topic)).toBe(matches);
  });
});

describe('broker addresses in /health and logs', () => {
  it('never carry the password', () => {
    expect(withoutCredentials('mqtt://tessera:s3cret@mosquitto:1883')).toBe('mqtt://mosquitto:1883');
    expect(withoutCredentials('mqtts://broker.example.com:8883')).toBe('mqtts://broker.example.com:8883');
  });
});
