import 'server-only';
import type { Paced } from '@/lib/topology/paced';
import { yieldToLoop } from '../util/yield-to-loop';

/** How a long pass over many items is cut into slices. */
export interface SliceOptions {
  /** A slice yields to the event loop once it has worked this long (ms, default 10). */
  sliceMs?: number;
  /** The clock is read once per this many items (default 256). */
  checkEvery?: number;
  now?: () => number;
  /** How to yield (tests pass a counter). */
  yieldFn?: () => Promise<void>;
}

/**
 * Runs `fn` over `items` in slices of about `sliceMs`, yielding to the event
 * loop between them, so that parsing and accumulating tens of thousands of
 * Prometheus series does not hold requests for hundreds of ms (as the
 * analysis engine does with its runs). Returns the number of yields.
 */
export async function forEachSliced<T>(items: readonly T[], fn: (item: T) => void, opts: SliceOptions = {}): Promise<number> {
  const every = Math.max(1, opts.checkEvery ?? 256);
  function* visit(): Paced<void> {
    for (let i = 0; i < items.length; i++) {
      fn(items[i]!);
      if ((i + 1) % every === 0) yield;
    }
  }
  let yields = 0;
  await runPaced(visit(), { ...opts, onYield: () => yields++ });
  return yields;
}

/**
 * Runs a paced computation (lib/topology/paced.ts), yielding to the event
 * loop at its first pause point after each `sliceMs` of work. Returns its
 * result; `onYield` counts the yields (tests, benchmarks).
 */
export async function runPaced<T>(paced: Paced<T>, opts: SliceOptions & { onYield?: () => void } = {}): Promise<T> {
  const sliceMs = opts.sliceMs ?? 10;
  const now = opts.now ?? (() => performance.now());
  const yieldFn = opts.yieldFn ?? yieldToLoop;
  let start = now();
  for (;;) {
    const r = paced.next();
    if (r.done) return r.value;
    if (now() - start >= sliceMs) {
      await yieldFn();
      opts.onYield?.();
      start = now();
    }
  }
}
