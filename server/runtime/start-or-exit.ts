import 'server-only';
import { getAppRuntime } from './app-runtime';

/**
 * Starts the runtime and the continuous fleet analysis. A bad config stops the
 * server with the file and field named rather than serving a half-configured
 * app; an analysis that cannot start only loses the findings.
 */
export function startOrExit(): void {
  let runtime;
  try {
    runtime = getAppRuntime();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
  try {
    runtime.analysis();
  } catch (err) {
    runtime.logger.error({ err }, 'fleet analysis did not start; findings stay empty');
  }
}
