import { blockMeans, t975, trendOf } from '../../bench/support/trend';

describe('bench trend: is a soak growing?', () => {
  it("t's 97.5% quantile, as the tables give it", () => {
    expect(t975(3)).toBeCloseTo(3.182, 1);
    expect(t975(10)).toBeCloseTo(2.228, 2);
    expect(t975(24)).toBeCloseTo(2.064, 2);
    expect(t975(1000)).toBeCloseTo(1.962, 2);
  });

  it('averages consecutive blocks from the first sample, time and value', () => {
    const samples = [0, 1, 2, 3, 4, 5, 6].map((seconds) => ({ seconds, mib: seconds * 2 }));
    expect(blockMeans(samples, 3)).toEqual([
      { seconds: 1, mib: 2 },
      { seconds: 4, mib: 8 },
      { seconds: 6, mib: 12 },
    ]);
    expect(blockMeans([], 10)).toEqual([]);
  });

  it('finds an exact line exactly, with no width to its interval', () => {
    const trend = trendOf([0, 60, 120, 180].map((seconds) => ({ seconds, mib: 100 + seconds / 30 })))!;
    expect(trend.slope).toBeCloseTo(2, 9);
    expect(trend.high - trend.low).toBeCloseTo(0, 9);
    expect(trend.meanMiB).toBeCloseTo(103, 9);
  });

  it('a saw-tooth with no growth: the interval holds zero; the same saw-tooth on a 1 MiB/min leak: it does not', () => {
    const tooth = (seconds: number) => ((seconds % 7) / 7) * 40; // 0–40 MiB every 7 s
    const seconds = Array.from({ length: 240 }, (_, i) => i);
    const flat = trendOf(blockMeans(seconds.map((s) => ({ seconds: s, mib: 250 + tooth(s) })), 10))!;
    expect(flat.low).toBeLessThan(0);
    expect(flat.high).toBeGreaterThan(0);
    const leak = trendOf(blockMeans(seconds.map((s) => ({ seconds: s, mib: 250 + tooth(s) + s / 60 })), 10))!;
    expect(leak.low).toBeGreaterThan(0);
    expect(leak.slope).toBeCloseTo(1, 0);
  });

  it('needs three points', () => {
    expect(trendOf([{ seconds: 0, mib: 1 }, { seconds: 1, mib: 2 }])).toBeUndefined();
  });
});
