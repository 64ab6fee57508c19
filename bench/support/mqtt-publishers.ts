/**
 * MQTT device publishers for bench:telemetry, as a process of their own, so that the clients'
 * CPU is not the bench's (or the server's) and can be read apart:
 *   node dist/bench/support/mqtt-publishers.js @<config file>
 * The config (JSON): `{ mqttUrl, venue, inFlight, devices: [{ deviceId, deviceKey }] }`. Each
 * device connects with its id and key (50 connections opening at a time) and publishes on its own
 * topic, keeping `inFlight` QoS 1 messages outstanding (each resolves on the broker's PUBACK).
 * Protocol on stdout, one line each: `connected <seconds>` once every device is connected; on
 * stdin `stop`, the publishers stop, disconnect and print `result {"published":N}`, then exit.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { telemetryTopic } from '@tessera/contracts';
import mqtt, { type MqttClient } from 'mqtt';
import { eachLine } from './lines';

export interface PublishersConfig {
  mqttUrl: string;
  venue: string;
  inFlight: number;
  devices: { deviceId: string; deviceKey: string }[];
}

const main = async (): Promise<void> => {
  const argument = process.argv[2] ?? '';
  const config = JSON.parse(argument.startsWith('@') ? readFileSync(argument.slice(1), 'utf8') : argument) as PublishersConfig;
  const connecting = performance.now();
  const publishers: { client: MqttClient; deviceId: string }[] = [];
  for (let i = 0; i < config.devices.length; i += 50) {
    publishers.push(
      ...(await Promise.all(
        config.devices
          .slice(i, i + 50)
          .map(async ({ deviceId, deviceKey }) => ({ deviceId, client: await mqtt.connectAsync(config.mqttUrl, { clientId: deviceId, username: deviceId, password: deviceKey, reconnectPeriod: 0 }) })),
      )),
    );
  }
  process.stdout.write(`connected ${((performance.now() - connecting) / 1000).toFixed(2)}\n`);
  let published = 0;
  let stop = false;
  const pump = async ({ client, deviceId }: { client: MqttClient; deviceId: string }): Promise<void> => {
    const topic = telemetryTopic(config.venue, 'sensor', deviceId);
    const lane = async (): Promise<void> => {
      while (!stop) {
        await client.publishAsync(topic, JSON.stringify({ status: 'online', temperature: 25, battery: 80, at: new Date().toISOString() }), { qos: 1 });
        published++;
      }
    };
    await Promise.all(Array.from({ length: config.inFlight }, lane));
  };
  const pumping = Promise.all(publishers.map(pump));
  await new Promise<void>((done) => eachLine(process.stdin, (line) => line === 'stop' && done()));
  stop = true;
  await pumping;
  await Promise.all(publishers.map(({ client }) => client.endAsync()));
  process.stdout.write(`result ${JSON.stringify({ published })}\n`);
  process.exit(0);
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
