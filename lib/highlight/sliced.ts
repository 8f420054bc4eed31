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
