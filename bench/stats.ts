/** Timing helpers for the benchmarks: repeated runs, median and p95, memory deltas. */

/** Runs `fn` `runs` times (after `warmup` runs) and returns the sorted durations in ms. */
export function time(fn: () => unknown, runs: number, warmup = 2): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return out.sort((a, b) => a - b);
}

/** How long to run a measured function: warm-up time, then a time budget within run-count bounds. */
export interface TimePolicy {
  /** Run for at least this long (and at least once) before measuring, so the JIT has settled. */
  warmupMs: number;
  /** Keep measuring until this much time has passed, within minRuns..maxRuns. */
  budgetMs: number;
  minRuns: number;
  maxRuns: number;
}

/**
 * The policy every matcher in the speed table is timed under, ours and the baselines alike: a
 * fixed warm-up *time* gives a 1 ms function as much chance to be compiled as a 100 ms one, where
 * a fixed number of warm-up runs would favour the slow one.
 */
export const MATCHER_TIMING: TimePolicy = { warmupMs: 300, budgetMs: 1_000, minRuns: 5, maxRuns: 200 };

/** Runs `fn` under a time policy and returns the sorted durations in ms. */
export function timeFor(fn: () => unknown, policy: TimePolicy): number[] {
  const warmupEnd = performance.now() + policy.warmupMs;
  do fn();
  while (performance.now() < warmupEnd);
  const out: number[] = [];
  const end = performance.now() + policy.budgetMs;
  while (out.length < policy.maxRuns && (out.length < policy.minRuns || performance.now() < end)) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return out.sort((a, b) => a - b);
}

/** The q-quantile of sorted values. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

/** Heap growth (MB) while `make` builds something that stays alive; needs --expose-gc for accuracy. */
export function heapDelta<T>(make: () => T): { value: T; mb: number } {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const value = make();
  gc?.();
  return { value, mb: (process.memoryUsage().heapUsed - before) / 2 ** 20 };
}

/** Formats milliseconds for a table cell. */
export const ms = (v: number) => (Number.isNaN(v) ? '—' : v < 10 ? v.toFixed(2) : v.toFixed(0));
