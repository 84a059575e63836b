/** Helpers for the simulator's integration tests: client-node access exactly as product code has it. */
import { PassThrough } from 'node:stream';
import { CoreV1Api, KubeConfig, PortForward } from '@kubernetes/client-node';
import type { SimFleet } from './runtime';

/** A KubeConfig for one context of the fleet's kubeconfig (e.g. 'us-east-1' or 'us-east-1-restricted'). */
export function kubeConfig(fleet: SimFleet, context: string): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromString(fleet.kubeconfig);
  kc.setCurrentContext(context);
  return kc;
}

export const coreApi = (fleet: SimFleet, context: string): CoreV1Api => kubeConfig(fleet, context).makeApiClient(CoreV1Api);

/** Polls until `check` resolves truthy; throws after `ms`. */
export async function waitUntil<T>(check: () => T | undefined | false | Promise<T | undefined | false>, ms: number, what: string): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** GETs `path` on a pod's port through client-node's PortForward (one HTTP/1.1 request); resolves with status and body. */
export async function portForwardGet(kc: KubeConfig, namespace: string, pod: string, port: number, path: string, timeoutMs = 10_000): Promise<{ status: number; body: string }> {
  const input = new PassThrough();
  const output = new PassThrough();
  const errors = new PassThrough();
  let raw = Buffer.alloc(0);
  let errText = '';
  output.on('data', (d: Buffer) => (raw = Buffer.concat([raw, d])));
  errors.on('data', (d: Buffer) => (errText += d.toString()));
  const ws = (await new PortForward(kc).portForward(namespace, pod, [port], output, errors, input)) as unknown as { close(): void };
  try {
    input.write(`GET ${path} HTTP/1.1\r\nHost: localhost:${port}\r\nConnection: close\r\n\r\n`);
    return await waitUntil(
      () => {
        if (errText) throw new Error(`port-forward error: ${errText}`);
        const text = raw.toString('latin1');
        const end = text.indexOf('\r\n\r\n');
        if (end < 0) return undefined;
        const head = text.slice(0, end);
        const length = Number(/content-length:\s*(\d+)/i.exec(head)?.[1] ?? NaN);
        const body = raw.subarray(end + 4);
        if (!Number.isFinite(length) || body.length < length) return undefined;
        return { status: Number(head.split(' ')[1]), body: body.subarray(0, length).toString('utf8') };
      },
      timeoutMs,
      `${path} through port-forward to ${namespace}/${pod}:${port}`,
    );
  } finally {
    ws.close();
    input.end();
  }
}

/** The name of the first istiod pod of a revision in a cluster, listed through the API. */
export async function istiodPod(fleet: SimFleet, cluster: string, revision = 'default'): Promise<string> {
  const pods = await coreApi(fleet, cluster).listNamespacedPod({ namespace: 'istio-system', labelSelector: `app=istiod,istio.io/rev=${revision}` });
  const name = pods.items[0]?.metadata?.name;
  if (!name) throw new Error(`no istiod pod for revision ${revision} in ${cluster}`);
  return name;
}

/** Reads a cluster's metrics endpoint and sums istio_requests_total samples matching `labels` (exact). */
export async function requestsTotal(url: string, labels: Record<string, string>, metric = 'istio_requests_total'): Promise<number> {
  const text = await (await fetch(url)).text();
  let sum = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${metric}{`)) continue;
    if (Object.entries(labels).every(([k, v]) => line.includes(`{${k}="${v}"`) || line.includes(`,${k}="${v}"`))) sum += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return sum;
}
