import { Metrics } from './metrics';

describe('Metrics.tally', () => {
  const valuesOf = async (metrics: Metrics, name: string) =>
    Object.fromEntries((await metrics.registry.getSingleMetric(name)!.get()).values.map(({ labels, value }) => [String(labels.outcome), value]));

  it('exports the label values known in advance at 0 before any happens, then counts as they do', async () => {
    const metrics = new Metrics();
    const tally = metrics.tally('tessera_test_attempts_total', 'Attempts, by outcome', 'outcome', ['acquired', 'contended']);
    expect(await valuesOf(metrics, 'tessera_test_attempts_total')).toEqual({ acquired: 0, contended: 0 });
    tally.add('contended');
    tally.add('contended');
    tally.add('unavailable');
    expect(await valuesOf(metrics, 'tessera_test_attempts_total')).toEqual({ acquired: 0, contended: 2, unavailable: 1 });
  });

  it('exports no series for a label without known values until one happens', async () => {
    const metrics = new Metrics();
    metrics.tally('tessera_test_readings_total', 'Readings, by outcome', 'outcome');
    expect(await valuesOf(metrics, 'tessera_test_readings_total')).toEqual({});
  });
});
