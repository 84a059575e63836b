import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startDemoFleet } from '../server/scripts/demo-fleet';
import { startNextServer } from './support/next-server';
import { E2E_PORT } from './support/ports';

/**
 * Starts what the specs run against: the simulated demo fleet, a real
 * Prometheus scraping it, and `next start` configured for both. Returns the
 * teardown, which stops every process by PID even when specs fail.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const dir = path.resolve('.meshglass/e2e');
  mkdirSync(dir, { recursive: true });
  const fleet = await startDemoFleet(dir, 'healthy');
  try {
    const configFile = path.join(dir, 'meshglass.yaml');
    writeFileSync(configFile, `${fleet.configYaml}log:\n  level: warn\n`);
    const next = await startNextServer({ port: E2E_PORT, configFile, logFile: path.join(dir, 'next.log') });
    // Workers inherit these: specs switch scenarios and query Prometheus through them.
    process.env.E2E_SIM_ADMIN_URL = fleet.adminUrl;
    process.env.E2E_PROMETHEUS_URL = fleet.prometheusUrl;
    return async () => {
      await next.stop();
      await fleet.stop();
    };
  } catch (err) {
    await fleet.stop();
    throw err;
  }
}
