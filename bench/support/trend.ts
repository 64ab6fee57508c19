/**
 * Whether a series (a server's RSS over a soak) grows: the least-squares slope with its 95%
 * confidence interval, fitted to block means. A server's RSS is a saw-tooth (the heap grows
 * between collections and glibc hands pages back in bursts): point samples 10 s apart swing by
 * tens of MiB, which left a 5-minute slope's standard error at about 2.3 MiB/min, so a bound of
 * 1 MiB/min could be neither met nor missed. Sampling every second and averaging each 10 s block
 * halved the swing (16.4 to 8.3 MiB in a 15-minute soak) while keeping blocks far enough apart to be
 * roughly independent.
 */

export interface Sample {
  seconds: number;
  mib: number;
}

export interface Trend {
  /** MiB per minute. */
  slope: number;
  /** The 95% confidence interval of the slope, MiB per minute (Student's t on n − 2 degrees of freedom). */
  low: number;
  high: number;
  /** The blocks fitted and their mean. */
  blocks: number;
  meanMiB: number;
}

/** The means of consecutive `seconds`-long blocks from the first sample (a block's time and value both averaged). */
export const blockMeans = (samples: readonly Sample[], seconds: number): Sample[] => {
  const blocks: Sample[][] = [];
  for (const sample of samples) {
    const k = Math.floor((sample.seconds - samples[0].seconds) / seconds);
    (blocks[k] ??= []).push(sample);
  }
  return blocks
    .filter((members) => members !== undefined)
    .map((members) => ({
      seconds: members.reduce((sum, s) => sum + s.seconds, 0) / members.length,
      mib: members.reduce((sum, s) => sum + s.mib, 0) / members.length,
    }));
};

/** The two-sided 95% quantile of Student's t with `df` degrees of freedom (Cornish–Fisher expansion: 0.7% low at df = 3, within 0.25% from df = 4; a soak's fit has dozens). */
export const t975 = (df: number): number => {
  const z = 1.959964;
  return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df ** 2) + (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / (384 * df ** 3);
};

/** The least-squares slope of `samples` in MiB per minute, with its 95% interval; undefined under 3 samples. */
export const trendOf = (samples: readonly Sample[]): Trend | undefined => {
  const n = samples.length;
  if (n < 3) return undefined;
  const meanT = samples.reduce((sum, s) => sum + s.seconds, 0) / n;
  const meanM = samples.reduce((sum, s) => sum + s.mib, 0) / n;
  const sxx = samples.reduce((sum, s) => sum + (s.seconds - meanT) ** 2, 0);
  const slope = samples.reduce((sum, s) => sum + (s.seconds - meanT) * (s.mib - meanM), 0) / sxx;
  const residuals = samples.reduce((sum, s) => sum + (s.mib - (meanM + slope * (s.seconds - meanT))) ** 2, 0);
  const standardError = Math.sqrt(residuals / (n - 2) / sxx);
  const half = t975(n - 2) * standardError;
  return { slope: slope * 60, low: (slope - half) * 60, high: (slope + half) * 60, blocks: n, meanMiB: meanM };
};
