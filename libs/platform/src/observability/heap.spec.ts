import { getHeapStatistics } from 'node:v8';
import { loadConfig } from '../config/config';
import { AdaptiveHeap, COMPACT_GROWTH_PERCENT, heapFlags, QuietDetector } from './heap';

describe('heap settings', () => {
  describe('QuietDetector', () => {
    const detector = () => new QuietDetector({ quietMs: 5_000, quietUtilization: 0.05, busyUtilization: 0.25 });

    it('turns quiet once the event loop has stayed under the quiet threshold for the whole quiet time, and only once', () => {
      const quiet = detector();
      const turns = [0.5, 0.01, 0.02, 0.01, 0.03, 0.04, 0.01, 0.01].map((utilization) => quiet.observe(utilization, 1_000));
      expect(turns).toEqual([undefined, undefined, undefined, undefined, undefined, 'quiet', undefined, undefined]);
    });

    it('starts counting again after a busier second', () => {
      const quiet = detector();
      const turns = [0.01, 0.01, 0.01, 0.01, 0.1, 0.01, 0.01, 0.01, 0.01, 0.01].map((utilization) => quiet.observe(utilization, 1_000));
      expect(turns.indexOf('quiet')).toBe(9);
    });

    it('counts time, not samples: a late timer tick counts for what it covered', () => {
      const quiet = detector();
      expect(quiet.observe(0.01, 2_000)).toBeUndefined();
      expect(quiet.observe(0.01, 3_000)).toBe('quiet');
    });

    it('turns back to work over the busy threshold only, so a trickle of requests between the two does not flip it', () => {
      const quiet = detector();
      for (let i = 0; i < 5; i++) quiet.observe(0, 1_000);
      expect([0.1, 0.2, 0.24].map((utilization) => quiet.observe(utilization, 1_000))).toEqual([undefined, undefined, undefined]);
      expect(quiet.observe(0.3, 1_000)).toBe('working');
      expect(quiet.observe(0.3, 1_000)).toBeUndefined();
    });
  });

  describe('heapFlags', () => {
    it('compacts with 25% growth and works with V8 own growth when not told', () => {
      expect(heapFlags(true, undefined)).toEqual(['--optimize-for-size', `--heap-growing-percent=${COMPACT_GROWTH_PERCENT}`]);
      expect(heapFlags(false, undefined)).toEqual(['--no-optimize-for-size', '--heap-growing-percent=0']);
    });

    it('keeps a growth the operator chose in both phases', () => {
      expect(heapFlags(true, 60)).toEqual(['--optimize-for-size', '--heap-growing-percent=60']);
      expect(heapFlags(false, 60)).toEqual(['--no-optimize-for-size', '--heap-growing-percent=60']);
    });
  });

  describe('configuration', () => {
    it('is adaptive by default, with the growth left to the mode', () => {
      const config = loadConfig({});
      expect(config.HEAP_MODE).toBe('adaptive');
      expect(config.HEAP_GROWTH_PERCENT).toBeUndefined();
    });

    it('refuses a mode it does not know and a growth out of range', () => {
      expect(() => loadConfig({ HEAP_MODE: 'small' })).toThrow(/HEAP_MODE/);
      expect(() => loadConfig({ HEAP_GROWTH_PERCENT: '301' })).toThrow(/HEAP_GROWTH_PERCENT/);
    });
  });

  describe('AdaptiveHeap', () => {
    it('gives back the garbage a working phase left when it compacts, and says how much and how long', () => {
      const compactions: unknown[] = [];
      const heap = new AdaptiveHeap(undefined, (compaction) => compactions.push(compaction), { quietMs: 60_000 });
      try {
        // A working phase's leftovers: long-lived objects, most of which die after promotion.
        let kept: { id: number; payload: string }[] = [];
        for (let round = 0; round < 20; round++) kept.push(...Array.from({ length: 20_000 }, (_, id) => ({ id, payload: `payload-${round}-${id}` })));
        kept = kept.filter((entry) => entry.id % 50 === 0);
        const compaction = heap.compact();
        expect(compactions).toEqual([compaction]);
        expect(compaction.afterBytes).toBeLessThan(compaction.beforeBytes);
        expect(compaction.afterBytes).toBe(getHeapStatistics().total_heap_size);
        expect(compaction.pauseMs).toBeGreaterThan(0);
        expect(kept).toHaveLength(8_000);
      } finally {
        heap.stop();
      }
    });
  });
});
