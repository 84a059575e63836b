/**
 * A minimal EventSource over node:http for loopback benchmarks: calls onEvent
 * with the parsed `data` of every message and the time it arrived.
 */
import http from 'node:http';

export interface FleetEvent {
  revision: number;
  keys: string[];
}

export interface SseClient {
  close(): void;
  /** Resolves when the first message (hello) has arrived. */
  opened: Promise<void>;
}

const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });

export function openSse(url: string, onEvent: (e: FleetEvent, at: number) => void): SseClient {
  let opened!: () => void;
  let failed!: (err: Error) => void;
  const p = new Promise<void>((res, rej) => ((opened = res), (failed = rej)));
  const req = http.get(url, { agent, headers: { accept: 'text/event-stream' } }, (res) => {
    if (res.statusCode !== 200) {
      failed(new Error(`SSE ${url}: HTTP ${res.statusCode}`));
      res.resume();
      return;
    }
    res.setEncoding('utf8');
    let buf = '';
    res.on('data', (chunk: string) => {
      const at = performance.now();
      buf += chunk;
      let end: number;
      while ((end = buf.indexOf('\n\n')) >= 0) {
        const block = buf.slice(0, end);
        buf = buf.slice(end + 2);
        const data = block.split('\n').find((l) => l.startsWith('data: '));
        if (!data) continue;
        opened();
        onEvent(JSON.parse(data.slice(6)) as FleetEvent, at);
      }
    });
    res.on('error', () => undefined);
  });
  req.on('error', (err) => failed(err));
  return { close: () => req.destroy(), opened: p };
}

/** The sim's admin apply: one VirtualService whose body differs per change (watches see MODIFIED). */
export async function applyProbe(adminUrl: string, cluster: string, i: number): Promise<void> {
  const yaml = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: bench-probe
  namespace: istio-system
spec:
  hosts: [bench-probe-${i}.example]
  http:
  - route:
    - destination:
        host: bench-probe-${i}.example
`;
  // A busy simulator can close a kept-alive socket just as it is reused ("fetch failed"); the apply is idempotent, so try again.
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await fetch(`${adminUrl}/clusters/${encodeURIComponent(cluster)}/apply`, { method: 'POST', body: yaml, headers: { 'content-type': 'application/yaml' } });
      if (!res.ok) throw new Error(`apply to ${cluster}: HTTP ${res.status} ${await res.text()}`);
      return;
    } catch (err) {
      if (attempt >= 3 || !(err instanceof TypeError)) throw err;
    }
  }
}

export const probeKey = (cluster: string) => `config/${cluster}/networking.istio.io/VirtualService/istio-system/bench-probe`;
