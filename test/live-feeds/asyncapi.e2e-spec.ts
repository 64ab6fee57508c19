import { Parser } from '@asyncapi/parser';
import { MQTT_TOPIC_PATTERNS } from '@tessera/contracts';
import type { EmbeddedMqttBroker } from '@tessera/platform/mqtt/embedded-broker';
import { EMBEDDED_MQTT_BROKER } from '@tessera/platform/mqtt/mqtt.module';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * GET /asyncapi.json (API.md, Operations): an AsyncAPI 3 document that @asyncapi/parser reads
 * without an error, naming every MQTT topic and the SSE stream with payload schemas. That the
 * channel's real messages match these schemas is checked where they are published
 * (mqtt-delivery.e2e-spec.ts).
 */
describe('GET /asyncapi.json', () => {
  let server: TestApp;

  beforeAll(async () => {
    server = await startTestApp();
  });

  afterAll(() => server.close());

  it('is an AsyncAPI 3 document without errors, with every topic and the SSE stream', async () => {
    const response = await fetch(`${server.url}/asyncapi.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const text = await response.text();

    const { document, diagnostics } = await new Parser().parse(text);
    const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 0);
    expect(errors.map((error) => `${error.path.join('.')}: ${error.message}`)).toEqual([]);
    expect(document?.version()).toBe('3.0.0');

    const addresses = document!.channels().all().map((channel) => channel.address());
    expect(addresses.sort()).toEqual([...Object.values(MQTT_TOPIC_PATTERNS), '/api/notifications/stream'].sort());
    for (const channel of document!.channels().all()) {
      for (const message of channel.messages().all()) expect(message.payload()?.type() ?? message.payload()?.oneOf()).toBeTruthy();
    }
    const actions = Object.fromEntries(document!.operations().all().map((operation) => [operation.channels().all()[0].address(), operation.action()]));
    expect(actions[MQTT_TOPIC_PATTERNS.deviceTelemetry]).toBe('receive');
    expect(actions[MQTT_TOPIC_PATTERNS.showAvailability]).toBe('send');
    // The embedded broker of this server, on the port it took (MQTT_PORT=0 in tests).
    const broker = server.app.get<symbol, EmbeddedMqttBroker>(EMBEDDED_MQTT_BROKER);
    expect(JSON.parse(text).servers.mqtt.host).toBe(`localhost:${broker.state().port}`);
    expect(broker.state().port).toBeGreaterThan(0);
  });
});
