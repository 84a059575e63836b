import 'server-only';
import { getAppRuntime } from './app-runtime';

/** Starts the runtime; a bad config stops the server with the file and field named rather than serving a half-configured app. */
export function startOrExit(): void {
  try {
    getAppRuntime();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
}
