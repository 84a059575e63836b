/**
 * A long pure computation written as a generator that pauses (yields) now
 * and then: the pure code says where a pause is safe, the caller decides
 * whether to take it. The server yields to the event loop once a slice has run
 * ~10 ms (server/telemetry/slices.ts runPaced), so a 10,000-node build does
 * not hold every request behind it; tests and the browser run it to the end.
 */
export type Paced<T> = Generator<void, T, undefined>;

/** Items between two pause points (a power of two): at 1-10 µs an item a slice overshoots its budget by under 3 ms. */
export const PAUSE_EVERY = 256;

/** Whether item i (counted from 0) ends a stretch of PAUSE_EVERY items. */
export const pauseAfter = (i: number): boolean => (i & (PAUSE_EVERY - 1)) === PAUSE_EVERY - 1;

/** Runs a paced computation without pausing. */
export function runToEnd<T>(paced: Paced<T>): T {
  for (;;) {
    const r = paced.next();
    if (r.done) return r.value;
  }
}
