import { Injectable } from '@nestjs/common';
import type { TesseraConfig } from '@tessera/platform/config/config';
import { Metrics } from '@tessera/platform/observability/metrics';
import { InjectConfig } from '@tessera/platform/platform.module';
import { ReadStore } from '@tessera/platform/read-store/read-store.port';
import {
  collectionName,
  HOLD_RELEASE_TOTALS,
  HOLD_RELEASE_TOTALS_ID,
  holdReleasesDescriptor,
  RELEASE_ORDINALS,
  type HoldReleaseTotalsDoc,
  type ReleaseReason,
} from '@tessera/read-models';
import { Counter } from 'prom-client';

/**
 * The anti-hoarding metric (issue 16, part 4), read from the `hold_releases` totals at each scrape,
 * so it counts what the log says, the same after a restart or on another instance:
 * - `tessera_repeat_releaser_holds_released_total{reason}`: holds released before payment
 *   (`expired`, or `cancelled` by the fan) by an account that had already released at least
 *   REPEAT_RELEASE_THRESHOLD holds on the same show;
 * - `tessera_repeat_releaser_accounts`: (show, account) pairs past the threshold;
 * - `tessera_hold_release_accounts{releases}`: (show, account) pairs by how many holds they
 *   released, `1` … `9` and `10+`: the distribution, to choose the threshold by.
 * No label names an account or a show: who it is, is a read of the `hold_releases` collection.
 */
@Injectable()
export class HoldReleaseMetrics {
  constructor(metrics: Metrics, reads: ReadStore, @InjectConfig() config: TesseraConfig) {
    const threshold = config.REPEAT_RELEASE_THRESHOLD;
    const totals = async (): Promise<HoldReleaseTotalsDoc | null> =>
      reads.collection<HoldReleaseTotalsDoc>(collectionName(holdReleasesDescriptor, HOLD_RELEASE_TOTALS)).findOne({ _id: HOLD_RELEASE_TOTALS_ID }, { readOnly: true });
    /** Bucket k − 1 holds count k: the releases (or accounts) past the threshold are those of buckets `threshold` and up. */
    const pastThreshold = (buckets: readonly number[] | undefined): number => (buckets ?? []).slice(threshold).reduce((sum, n) => sum + n, 0);

    if (!metrics.registry.getSingleMetric('tessera_repeat_releaser_holds_released_total')) {
      new Counter({
        name: 'tessera_repeat_releaser_holds_released_total',
        help: `Holds released before payment (expired, or cancelled by the fan) by an account that had already released at least ${threshold} (REPEAT_RELEASE_THRESHOLD) holds on the same show`,
        labelNames: ['reason'],
        registers: [metrics.registry],
        async collect() {
          const doc = await totals();
          this.reset();
          for (const reason of ['expired', 'cancelled'] as const satisfies readonly ReleaseReason[]) this.inc({ reason }, pastThreshold(doc?.releasesByOrdinal[reason]));
        },
      });
    }
    metrics.gauge('tessera_repeat_releaser_accounts', `(Show, account) pairs that released more than ${threshold} (REPEAT_RELEASE_THRESHOLD) holds before payment`, [], async (gauge) => {
      gauge.set(pastThreshold((await totals())?.accountsByReleases));
    });
    metrics.gauge('tessera_hold_release_accounts', '(Show, account) pairs by the number of holds they released before payment (10+: ten or more)', ['releases'], async (gauge) => {
      const buckets = (await totals())?.accountsByReleases ?? [];
      for (let k = 1; k <= RELEASE_ORDINALS; k += 1) gauge.set({ releases: k === RELEASE_ORDINALS ? `${k}+` : String(k) }, buckets[k - 1] ?? 0);
    });
  }
}
