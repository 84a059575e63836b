/**
 * /readyz is public (load balancers call it without credentials): while a
 * cluster is still being tried it must say so in counts, never by name.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stopAppRuntime } from '@/server/runtime/app-runtime';
import { call, tempConfig } from '../route-test-support';
import { GET } from './route';

const SECRET_NAME = 'prod-payments-eu-internal';

// Accepts connections and never answers: the cluster stays "being tried" for the whole test.
let silent: Server;
const sockets = new Set<Socket>();
let cfg: ReturnType<typeof tempConfig>;

beforeAll(async () => {
  silent = createServer((s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
  const port = (silent.address() as { port: number }).port;
  cfg = tempConfig('');
  const kubeconfig = join(dirname(cfg.file), 'kubeconfig.yaml');
  writeFileSync(
    kubeconfig,
    `apiVersion: v1
kind: Config
clusters:
  - name: ${SECRET_NAME}
    cluster: {server: "https://127.0.0.1:${port}", insecure-skip-tls-verify: true}
users:
  - name: u
    user: {token: t}
contexts:
  - name: ${SECRET_NAME}
    context: {cluster: ${SECRET_NAME}, user: u}
current-context: ${SECRET_NAME}
`,
  );
  cfg.write(`log: {level: silent}
clusters:
  kubeconfigs:
    - path: ${JSON.stringify(kubeconfig)}
  requestTimeoutSeconds: 30
`);
  process.env.MESHGLASS_CONFIG = cfg.file;
});

afterAll(async () => {
  await stopAppRuntime();
  delete process.env.MESHGLASS_CONFIG;
  for (const s of sockets) s.destroy();
  await new Promise<void>((r) => silent.close(() => r()));
  cfg?.remove();
});

describe('GET /api/v1/readyz', () => {
  it('answers 503 with counts while a cluster is pending, and no cluster name', async () => {
    // The source offers its cluster asynchronously; poll until it is counted.
    let r = await call(GET, '/api/v1/readyz');
    const deadline = Date.now() + 10_000;
    while ((r.body as { total?: number }).total !== 1 && Date.now() < deadline) {
      await new Promise((res) => setTimeout(res, 50));
      r = await call(GET, '/api/v1/readyz');
    }
    expect(r.status).toBe(503);
    expect(r.body).toEqual({ status: 'waiting', ready: false, tried: 0, total: 1, pending: 1 });
    expect(JSON.stringify(r.body)).not.toContain(SECRET_NAME);
  });
});
