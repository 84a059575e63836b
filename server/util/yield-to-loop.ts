import 'server-only';

/** Lets I/O callbacks (requests waiting to be answered) and timers run before a long pass goes on. */
export const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
