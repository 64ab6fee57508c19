import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { ReadStore } from '@tessera/platform/read-store/read-store.port';
import { Projector } from '../../apps/projector/src/projector';
import { PROJECTIONS } from '../../apps/projector/src/read-models';
import { buildFromLog, hashProjection } from '../../apps/projector/src/rebuild';
import { startTestApp, type TestApp } from '../support/test-app';
import { BoxOfficeDriver, showOf } from './box-office-driver';

/**
 * A projector whose read store fails for a while: the platform subscription retries the batch,
 * restarts, and /health says so meanwhile; once the store answers again the projections catch
 * up with nothing lost, /health is green again and /metrics counts the errors and the restart,
 * with no gap left to the head. (Before, the first failure turned /health
 * red for good, and the failed batch's events were skipped.)
 */
describe('projector after a failing batch', () => {
  let server: TestApp;

  beforeEach(async () => {
    server = await startTestApp();
  });

  afterEach(async () => {
    await server.close();
  });

  const health = async (): Promise<{ status: number; projections?: { status: string; message?: string } }> => {
    const response = await fetch(`${server.url}/health`);
    const body = (await response.json()) as { details?: Record<string, { status: string; message?: string }> };
    return { status: response.status, projections: body.details?.projections };
  };
  const scrape = async (): Promise<string> => (await fetch(`${server.url}/metrics`)).text();
  const counter = (metrics: string, name: string): number =>
    Number(new RegExp(`^${name}\\{subscription="projections"\\} (\\d+)$`, 'm').exec(metrics)?.[1] ?? 0);
  const eventually = async (what: string, condition: () => Promise<boolean>, ms = 15_000): Promise<void> => {
    const deadline = Date.now() + ms;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  it('retries and restarts until the read store answers, then catches up with every event and turns green', async () => {
    const events = server.app.get(EventStore);
    const reads = server.app.get(ReadStore);
    const projector = server.app.get(Projector);
    const driver = new BoxOfficeDriver(events);
    await driver.createShow(showOf('pf'));
    const { bookingId } = await driver.placeBooking('pf', 'alice', ['S1-1-1']);
    await driver.payBooking(bookingId);
    expect(await projector.waitFor(await events.headPosition(), 5000)).toBe(true);
    expect((await health()).status).toBe(200);

    let failing = true;
    const saveCheckpoint = reads.saveCheckpoint.bind(reads);
    jest.spyOn(reads, 'saveCheckpoint').mockImplementation(async (name, position) => {
      if (failing) throw new Error('read store unavailable');
      return saveCheckpoint(name, position);
    });
    for (const seat of ['S1-1-2', 'S2-1-1']) {
      const placed = await driver.placeBooking('pf', 'bob', [seat]);
      await driver.payBooking(placed.bookingId);
    }
    await eventually('/health shows the projections failing', async () => {
      const { status, projections } = await health();
      return status === 503 && projections?.status === 'down' && /read store unavailable/.test(projections.message ?? '');
    });
    await eventually('the subscription restarted', async () => counter(await scrape(), 'tessera_subscription_restarts_total') >= 1);

    failing = false;
    expect(await projector.waitFor(await events.headPosition(), 15_000)).toBe(true);
    await eventually('/health is green again', async () => (await health()).status === 200);
    const metrics = await scrape();
    expect(counter(metrics, 'tessera_subscription_errors_total')).toBeGreaterThanOrEqual(3);
    expect(metrics).toMatch(/^tessera_subscription_gap\{subscription="projections"\} 0$/m);
    expect(metrics).toMatch(/^tessera_subscription_lag_seconds_count\{subscription="projections"\} [1-9]/m);

    await projector.stop();
    for (const projection of PROJECTIONS) {
      await buildFromLog(events, reads, projection, { suffix: '__zero' });
      expect(await hashProjection(reads, projection)).toBe(await hashProjection(reads, projection, '__zero'));
    }
  });
});
