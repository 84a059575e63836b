import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startNextServer } from './support/next-server';
import { E2E_PORT } from './support/ports';

/**
 * Starts the stack the specs run against and returns its teardown, which
 * stops every process by PID even when specs fail.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const dir = path.resolve('.meshglass/e2e');
  mkdirSync(dir, { recursive: true });
  const configFile = path.join(dir, 'meshglass.yaml');
  writeFileSync(configFile, 'log:\n  level: warn\n');
  const next = await startNextServer({ port: E2E_PORT, configFile, logFile: path.join(dir, 'next.log') });
  return async () => {
    await next.stop();
  };
}
