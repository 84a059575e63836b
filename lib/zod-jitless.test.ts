import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';

const realFunction = globalThis.Function;
afterEach(() => {
  globalThis.Function = realFunction;
});

describe('zod jitless in the browser', () => {
  it('is switched on by the client instrumentation, before any app code runs', async () => {
    // A browser: the module checks for window.
    (globalThis as { window?: unknown }).window = globalThis;
    await import('@/instrumentation-client');
    expect(z.config().jitless).toBe(true);
  });

  // The page CSP has no 'unsafe-eval': zod's `new Function` probe and JIT would each be a reported violation.
  it('then builds and parses object schemas without ever calling Function', () => {
    const calls: unknown[] = [];
    globalThis.Function = new Proxy(realFunction, {
      construct(target, args) {
        calls.push(args);
        return Reflect.construct(target, args) as object;
      },
      apply(target, self, args) {
        calls.push(args);
        return Reflect.apply(target, self, args) as unknown;
      },
    });
    const schema = z.object({ name: z.string(), count: z.number(), tags: z.array(z.string()) });
    expect(schema.parse({ name: 'a', count: 1, tags: ['x'] })).toEqual({ name: 'a', count: 1, tags: ['x'] });
    expect(schema.safeParse({ name: 1 }).success).toBe(false);
    expect(calls).toEqual([]);
  });
});
