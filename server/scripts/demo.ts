// `npm run demo`: builds if needed, starts the simulated fleet with Prometheus,
// then the dashboard, and prints the URL. Ctrl-C stops everything it started.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { needsBuild } from './needs-build';
import { startDemoFleet, type DemoFleet } from './demo-fleet';

const root = path.resolve(import.meta.dirname, '..', '..');
const port = Number(process.env.PORT ?? 3000);
const workDir = path.join(root, '.meshglass', 'demo');

function say(msg: string): void {
  console.log(`[demo] ${msg}`);
}

async function main(): Promise<void> {
  mkdirSync(workDir, { recursive: true });
  if (needsBuild(root)) {
    say('building the dashboard (next build)…');
    const build = spawnSync('node', ['node_modules/next/dist/bin/next', 'build'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('next build failed; see above');
  }

  const fleet: DemoFleet = await startDemoFleet(workDir);
  const configFile = path.join(workDir, 'meshglass.yaml');
  writeFileSync(configFile, fleet.configYaml);

  const next: ChildProcess = spawn('node', ['node_modules/next/dist/bin/next', 'start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd: root,
    env: { ...process.env, MESHGLASS_CONFIG: configFile },
    stdio: ['ignore', 'inherit', 'inherit'],
  });

  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say('stopping…');
    if (next.pid !== undefined && next.exitCode === null) process.kill(next.pid, 'SIGTERM');
    await fleet.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));
  next.on('exit', (code) => {
    if (!stopping) {
      say(`the dashboard exited (code ${code ?? 'signal'})`);
      void stopAll(code ?? 1);
    }
  });

  for (const line of fleet.summary) say(line);
  say(`dashboard: http://127.0.0.1:${port}  (Ctrl-C stops everything)`);
}

main().catch((err: unknown) => {
  console.error(`[demo] ${(err as Error).message}`);
  process.exit(1);
});
