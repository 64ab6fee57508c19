import { makeTempDir, removeDir } from '@tessera/platform/testing/services';
import { connectAsync } from 'mqtt';
import { connect, createServer, type Server } from 'node:net';
import { buildOnce, freePort, startStandalone } from '../support/processes';
import { startTestApp } from '../support/test-app';

/**
 * The embedded broker in `npm start`'s own process (the built standalone entry point): a port in
 * use never stops it, and SIGTERM stops the broker with the rest, connected clients or not.
 * /health shows the broker and the client without making readiness depend on them.
 */

interface Health {
  status: string;
  details: Record<string, { status: string; message?: string; [key: string]: unknown }>;
}

const health = async (port: number): Promise<{ status: number; body: Health }> => {
  const response = await fetch(`http://127.0.0.1:${port}/health`);
  return { status: response.status, body: (await response.json()) as Health };
};

const accepting = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

describe('the embedded MQTT broker of the standalone process', () => {
  // Each test builds (once) and starts a server process: slow on a busy machine.
  jest.setTimeout(90_000);
  let dataDir: string;

  beforeAll(() => buildOnce());
  beforeEach(async () => {
    dataDir = await makeTempDir('mqtt-proc');
  });
  afterEach(() => removeDir(dataDir));

  it('starts on a port already in use with one warning line, and /health shows the broker down but stays ready', async () => {
    const holder: Server = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', () => resolve()));
    const mqttPort = (holder.address() as { port: number }).port;
    const { port, process: server } = await startStandalone({ DATA_DIR: dataDir, LOG_LEVEL: 'info', MQTT_PORT: String(mqttPort) }, { readyPath: '/health/live' });
    try {
      const { status, body } = await health(port);
      expect(status).toBe(200);
      expect(body.details.mqttBroker).toEqual({ status: 'down', message: expect.stringContaining(`127.0.0.1:${mqttPort}: the port is already in use (EADDRINUSE)`) });
      // Tessera's own client reaches the broker in-process, not through the port.
      expect(body.details.mqtt).toEqual({ status: 'up', mode: 'embedded', broker: 'embedded' });
      expect(server.output().split('\n').filter((line) => line.includes('EADDRINUSE'))).toHaveLength(1);
      server.child.kill('SIGTERM');
      expect(await server.exited).toEqual({ code: 0, signal: null });
    } finally {
      server.child.kill('SIGKILL');
      await new Promise<void>((resolve) => holder.close(() => resolve()));
    }
  });

  it('stops on SIGTERM at once with a client connected, and closes the port', async () => {
    const mqttPort = await freePort();
    const { port, process: server } = await startStandalone({
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      MQTT_PORT: String(mqttPort),
      MQTT_INTEGRATION_USERNAME: 'integrator',
      MQTT_INTEGRATION_PASSWORD: 'integration-password-of-the-test',
    });
    try {
      expect((await health(port)).body.details.mqttBroker).toEqual({ status: 'up', port: mqttPort, clients: 1 });
      const subscriber = await connectAsync(`mqtt://127.0.0.1:${mqttPort}`, { username: 'integrator', password: 'integration-password-of-the-test', clientId: 'integrator-watch', reconnectPeriod: 0, keepalive: 60 });
      await subscriber.subscribeAsync('tessera/#', { qos: 1 });
      const disconnected = new Promise<void>((resolve) => subscriber.once('close', () => resolve()));
      const stopping = Date.now();
      server.child.kill('SIGTERM');
      expect(await server.exited).toEqual({ code: 0, signal: null });
      expect(Date.now() - stopping).toBeLessThan(5000);
      await disconnected;
      expect(await accepting(mqttPort)).toBe(false);
      await subscriber.endAsync(true);
    } finally {
      server.child.kill('SIGKILL');
    }
  });
});

describe('/health with MQTT_URL naming a broker that is not there', () => {
  it('shows the client down and stays ready (the HTTP API works without MQTT)', async () => {
    const server = await startTestApp({ env: { MQTT_URL: `mqtt://nobody:secret-password@127.0.0.1:${await freePort()}` } });
    try {
      const response = await fetch(`${server.url}/health`);
      const body = (await response.json()) as Health;
      expect(response.status).toBe(200);
      expect(body.status).toBe('ok');
      expect(body.details.mqtt.status).toBe('down');
      expect(body.details.mqtt.message).toMatch(/^not connected to the MQTT broker mqtt:\/\/127\.0\.0\.1:\d+/);
      expect(JSON.stringify(body)).not.toContain('secret-password');
      expect(body.details.mqttBroker).toBeUndefined();
    } finally {
      await server.close();
    }
  });
});
