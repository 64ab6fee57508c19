import { Test } from '@nestjs/testing';
import { TerminusModule } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { HealthChecks, HealthController } from './health';

/** GET /health: what decides readiness, and what is only shown. */
describe('GET /health', () => {
  const answer = async (register: (checks: HealthChecks) => void): Promise<{ status: number; body: Record<string, unknown> }> => {
    const moduleRef = await Test.createTestingModule({ imports: [TerminusModule.forRoot({ logger: false })], controllers: [HealthController], providers: [HealthChecks] }).compile();
    register(moduleRef.get(HealthChecks));
    let status = 0;
    let body: Record<string, unknown> = {};
    const reply = {
      status(code: number) {
        status = code;
        return this;
      },
      send(sent: Record<string, unknown>) {
        body = sent;
        return Promise.resolve(this);
      },
    } as unknown as FastifyReply;
    await moduleRef.get(HealthController).ready(reply);
    return { status, body };
  };

  const up = async () => ({ mode: 'embedded' });
  const down = async () => {
    throw new Error('not listening');
  };

  it('stays ready with an informational dependency down, and shows it down', async () => {
    const { status, body } = await answer((checks) => {
      checks.register('eventStore', up);
      checks.register('mqttBroker', down, { affectsReadiness: false });
    });
    expect(status).toBe(200);
    expect(body).toEqual({
      status: 'ok',
      info: { eventStore: { status: 'up', mode: 'embedded' } },
      error: { mqttBroker: { status: 'down', message: 'not listening' } },
      details: { eventStore: { status: 'up', mode: 'embedded' }, mqttBroker: { status: 'down', message: 'not listening' } },
    });
  });

  it('is not ready when a dependency that decides readiness is down, and still shows the informational ones', async () => {
    const { status, body } = await answer((checks) => {
      checks.register('eventStore', down);
      checks.register('mqtt', up, { affectsReadiness: false });
    });
    expect(status).toBe(503);
    expect(body).toEqual(
      expect.objectContaining({
        status: 'error',
        error: { eventStore: { status: 'down', message: 'not listening' } },
        details: { eventStore: { status: 'down', message: 'not listening' }, mqtt: { status: 'up', mode: 'embedded' } },
      }),
    );
  });
});
