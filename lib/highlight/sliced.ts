/** Time-sliced work: process a list in slices under a time budget, yielding to the page between them. */

/** Milliseconds of work per slice: well under one frame, so the page never stutters for us. */
export const SLICE_BUDGET_MS = 8;

/** Runs `work` over `items` in slices of at most `budgetMs`, yielding with `yieldFn` between slices. */
export async function runSliced<T>(
  items: readonly T[],
  work: (item: T, index: number) => void,
  budgetMs = SLICE_BUDGET_MS,
  now: () => number = () => performance.now(),
  yieldFn: () => Promise<void> = () => new Promise((resolve) => setTimeout(resolve, 0)),
): Promise<number> {
  let slices = 1;
  let sliceStart = now();
  for (let i = 0; i < items.length; i++) {
    if (now() - sliceStart > budgetMs) {
      await yieldFn();
      slices++;
      sliceStart = now();
    }
    work(items[i] as T, i);
  }
  return slices;
}

/**
 * A time budget shared by the phases of one long job (several loops, one after the other): each
 * asks `due()` now and then, and `pause()`s when the current slice is used up.
 */
export interface Slicer {
  /** True when the current slice has used its budget: the caller should `await pause()`. */
  due(): boolean;
  /** Yields to the page, then starts a new slice. */
  pause(): Promise<void>;
}

/** A slicer with `budgetMs` per slice; `now` and `yieldFn` are for tests. */
export function createSlicer(
  budgetMs = SLICE_BUDGET_MS,
  now: () => number = () => performance.now(),
  yieldFn: () => Promise<void> = () => new Promise((resolve) => setTimeout(resolve, 0)),
): Slicer {
  let sliceStart = now();
  return {
    due: () => now() - sliceStart > budgetMs,
    async pause() {
      await yieldFn();
      sliceStart = now();
    },
  };
}

/**
 * A resumable job, written as a generator that yields wherever it may pause (every few dozen nodes
 * of a walk, between chunks of a long search) and returns its result. `drain` runs it at once;
 * `drainSliced` pauses when the slice is used up.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs a generator job to its end at once. */
export function drain<T>(steps: Steps<T>): T {
  let next = steps.next();
  while (!next.done) next = steps.next();
  return next.value;
}

/** Runs a generator job to its end, yielding to the page whenever `slicer` says the slice is used up. */
export async function drainSliced<T>(steps: Steps<T>, slicer: Slicer): Promise<T> {
  let next = steps.next();
  while (!next.done) {
    if (slicer.due()) await slicer.pause();
    next = steps.next();
  }
  return next.value;
}
