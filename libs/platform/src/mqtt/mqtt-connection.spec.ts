import type { MqttMessage } from '@tessera/contracts';
import { Logger } from '@nestjs/common';
import { Metrics } from '../observability/metrics';
import { EmbeddedMqttBroker } from './embedded-broker';
import { MqttConnection, topicMatches, withoutCredentials } from './mqtt-connection';
import { MqttCredentials } from './mqtt-credentials';

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

describe('consume: asynchronous consumers on the shared connection', () => {
  const waitUntil = async (condition: () => boolean, timeoutMs = 5000): Promise<void> => {
    for (const deadline = Date.now() + timeoutMs; !condition(); await new Promise((resolve) => setTimeout(resolve, 10))) {
      if (Date.now() > deadline) throw new Error('condition not met in time');
    }
  };
  const message = (topic: string): MqttMessage => ({ topic, retain: false, pattern: 'spec', payload: { id: topic, type: 'spec', occurredAt: '', data: {} } }) as unknown as MqttMessage;
  let broker: EmbeddedMqttBroker;
  const connections: MqttConnection[] = [];
  const connection = (consumeInFlight?: number): MqttConnection => {
    const made = new MqttConnection({ target: broker.inProcessTarget(), app: 'spec', publishTimeoutMs: 5000, metrics: new Metrics(), consumeInFlight });
    connections.push(made);
    return made;
  };

  beforeAll(async () => {
    const logger = new Logger('MqttBroker');
    logger.log = () => undefined;
    broker = new EmbeddedMqttBroker({ host: '127.0.0.1', port: 0, credentials: new MqttCredentials(), metrics: new Metrics(), logger });
    await broker.start();
  });
  afterAll(async () => {
    await Promise.all(connections.map((made) => made.close()));
    await broker.stop();
  });

  it('acknowledges while fewer than consumeInFlight are being worked on, then holds the next message until one is done; handlers of other filters still get theirs', async () => {
    const consumer = connection(2);
    const publisher = connection();
    const working: { topic: string; finish: () => void }[] = [];
    await consumer.consume('work/+', (topic) => new Promise<void>((finish) => working.push({ topic, finish })));
    const other: string[] = [];
    await consumer.subscribe('other/#', (topic) => void other.push(topic));
    await Promise.all([consumer.connected(), publisher.connected()]);

    const publishes = [1, 2, 3, 4].map((n) => publisher.publish(message(`work/${n}`)));
    await waitUntil(() => working.length === 2);
    // The second message filled the consumer: its PUBACK, and the reading of the third, wait.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(working.map((item) => item.topic)).toEqual(['work/1', 'work/2']);

    working[0].finish();
    await waitUntil(() => working.length === 3);
    for (const item of working) item.finish();
    await waitUntil(() => working.length === 4);
    working[3].finish();
    await Promise.all(publishes);
    expect(working.map((item) => item.topic)).toEqual(['work/1', 'work/2', 'work/3', 'work/4']);

    await publisher.publish(message('other/x'));
    await waitUntil(() => other.length === 1);
  });

  it('takes a consumer that returns nothing as done on return (it never fills consumeInFlight), and one that throws as failed', async () => {
    const consumer = connection(1);
    const publisher = connection();
    const got: string[] = [];
    await consumer.consume('quick/+', (topic) => {
      if (topic === 'quick/bad') throw new Error('cannot take it');
      got.push(topic);
    });
    await Promise.all([consumer.connected(), publisher.connected()]);
    await Promise.all(['quick/1', 'quick/bad', 'quick/2', 'quick/3'].map((topic) => publisher.publish(message(topic))));
    await waitUntil(() => got.length === 3);
    expect(got).toEqual(['quick/1', 'quick/2', 'quick/3']);
  });

  it('stops delivering once closed', async () => {
    const consumer = connection();
    const publisher = connection();
    const got: string[] = [];
    const subscription = await consumer.consume('gone/+', async (topic) => void got.push(topic));
    await publisher.publish(message('gone/1'));
    await waitUntil(() => got.length === 1);
    await subscription.close();
    // A handler of a wider filter on the same connection: once it has the message, the consumer would have had it too.
    const seen: string[] = [];
    await consumer.subscribe('gone/#', (topic) => void seen.push(topic));
    await publisher.publish(message('gone/2'));
    await waitUntil(() => seen.length === 1);
    expect(got).toEqual(['gone/1']);
  });
});
