/**
 * zod 4 probes `new Function` for its JIT when a schema is built, and
 * compiles parsers with it: the page CSP has no 'unsafe-eval', so each is a
 * reported violation. In the browser, turn the JIT off before any schema is
 * built (instrumentation-client.ts imports this first). The server has no CSP
 * and keeps the faster JIT.
 */
import { z } from 'zod';

if (typeof window !== 'undefined') z.config({ jitless: true });
