import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * How the JavaScript heap is kept. V8 reads the flags below when it collects, so setting them
 * after start-up takes effect from the next collection on, for every app however it is launched
 * (npm start, Docker, tests).
 *
 * A busy server allocates request garbage around everything it keeps (read models, idempotency
 * records, index entries), so what survives a full collection is spread thin over many pages,
 * and V8's default full collection compacts few of them: after 10,000 bookings the live server
 * held 100 MB of objects in 271-343 MB of heap (446 MiB RSS) where a restarted one needed
 * 218 MiB (bench:memory in bench/RESULTS.md). Compacting on every collection (V8's
 * --optimize-for-size) keeps the heap tight but costs a busy server about half its throughput
 * and doubles its tail latency (bench:holds, "the heap settings against hold latency").
 * `adaptive` takes both: V8's own heuristics while the server works, and one full compaction
 * once it has gone quiet, the way a browser treats a tab sent to the background.
 */
export type HeapMode = 'adaptive' | 'compact' | 'v8';

export interface HeapSettings {
  mode: HeapMode;
  /**
   * How far the old generation may grow past what survived the last full collection before the
   * next one (V8's --heap-growing-percent), in every phase. Unset: 25 while compacting
   * (`compact`, and `adaptive` once quiet), V8's own choice (up to 300%) while working.
   */
  growthPercent?: number;
}

/** Growth while compacting, when not told: at 100,000 bookings 521 MiB RSS against 588 MiB with 50. */
export const COMPACT_GROWTH_PERCENT = 25;

/** The flags for heap kept tight (`compact` = true) or kept for throughput. */
export const heapFlags = (compact: boolean, growthPercent: number | undefined): string[] => [
  compact ? '--optimize-for-size' : '--no-optimize-for-size',
  // 0 is V8's own choice.
  `--heap-growing-percent=${growthPercent ?? (compact ? COMPACT_GROWTH_PERCENT : 0)}`,
];

const setFlags = (flags: string[]): void => flags.forEach((flag) => setFlagsFromString(flag));

export interface QuietDetectorOptions {
  /** How long the event loop must stay below `quietUtilization` before the process counts as quiet. */
  quietMs: number;
  /** Event-loop utilization (0–1) under which a sample is quiet. */
  quietUtilization: number;
  /** Event-loop utilization over which a sample is work again. */
  busyUtilization: number;
}

/**
 * Decides, from event-loop utilization samples, when a process turns quiet and when it works
 * again. The gap between the two thresholds keeps a trickle of requests from flipping it.
 */
export class QuietDetector {
  private quietForMs = 0;
  private quiet = false;

  constructor(private readonly options: QuietDetectorOptions) {}

  /** One sample: the utilization over the last `elapsedMs`. Answers the turn it makes, if any. */
  observe(utilization: number, elapsedMs: number): 'quiet' | 'working' | undefined {
    if (this.quiet) {
      if (utilization < this.options.busyUtilization) return undefined;
      this.quiet = false;
      this.quietForMs = 0;
      return 'working';
    }
    this.quietForMs = utilization < this.options.quietUtilization ? this.quietForMs + elapsedMs : 0;
    if (this.quietForMs < this.options.quietMs) return undefined;
    this.quiet = true;
    return 'quiet';
  }
}

/** A full collection on demand: `--expose-gc`'s function when the process has it, else one made for a new context. */
const fullCollection = (): (() => void) => {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return () => exposed();
  setFlagsFromString('--expose-gc');
  // The flag gives new contexts a `gc`; the main context, made before it, stays without one.
  return runInNewContext('gc') as () => void;
};

export interface HeapCompaction {
  /** Heap bytes V8 held (total heap size) before and after, and how long the pause took. */
  beforeBytes: number;
  afterBytes: number;
  pauseMs: number;
}

/**
 * `adaptive`: samples event-loop utilization every second; after `quietMs` below 5% it sets the
 * compacting flags and runs one full collection that evacuates every page (V8's
 * --compact-on-every-full-gc, for that collection only: a normal one moves at most 6 MB). At the
 * first sample over 25% it gives V8 its own heuristics back.
 */
export class AdaptiveHeap {
  private timer?: NodeJS.Timeout;
  private last?: EventLoopUtilization;
  private lastAt = 0;
  private readonly detector: QuietDetector;
  private readonly collect = fullCollection();

  constructor(
    private readonly growthPercent: number | undefined,
    private readonly onCompacted: (compaction: HeapCompaction) => void,
    { quietMs = 5_000, sampleMs = 1_000 }: { quietMs?: number; sampleMs?: number } = {},
  ) {
    this.detector = new QuietDetector({ quietMs, quietUtilization: 0.05, busyUtilization: 0.25 });
    setFlags(heapFlags(false, growthPercent));
    this.last = performance.eventLoopUtilization();
    this.lastAt = performance.now();
    this.timer = setInterval(() => this.sample(), sampleMs).unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private sample(): void {
    const now = performance.now();
    const current = performance.eventLoopUtilization();
    const { utilization } = performance.eventLoopUtilization(current, this.last);
    const turn = this.detector.observe(utilization, now - this.lastAt);
    if (turn === 'quiet') this.compact();
    if (turn === 'working') setFlags(heapFlags(false, this.growthPercent));
    // After the compaction's pause, so that the pause itself does not count as work.
    this.last = performance.eventLoopUtilization();
    this.lastAt = performance.now();
  }

  /** Compacts now; the flags stay compacting until work resumes, so a trickle keeps the heap tight. */
  compact(): HeapCompaction {
    setFlags(heapFlags(true, this.growthPercent));
    const beforeBytes = getHeapStatistics().total_heap_size;
    const started = performance.now();
    setFlagsFromString('--compact-on-every-full-gc');
    try {
      this.collect();
    } finally {
      setFlagsFromString('--no-compact-on-every-full-gc');
    }
    const compaction = { beforeBytes, afterBytes: getHeapStatistics().total_heap_size, pauseMs: performance.now() - started };
    this.onCompacted(compaction);
    return compaction;
  }
}

let governor: AdaptiveHeap | undefined;

/**
 * Applies the settings at start-up. In `adaptive` mode one governor runs per process (a later
 * call replaces it); its timer is unref'd, so it never holds the process open.
 */
export const applyHeapSettings = ({ growthPercent, mode }: HeapSettings, onCompacted: (compaction: HeapCompaction) => void = () => undefined): void => {
  stopHeapGovernor();
  if (mode === 'adaptive') governor = new AdaptiveHeap(growthPercent, onCompacted);
  else setFlags(heapFlags(mode === 'compact', growthPercent));
};

/** Stops the adaptive governor, if one runs (at shutdown). */
export const stopHeapGovernor = (): void => {
  governor?.stop();
  governor = undefined;
};
