/** Test support for the route handler tests: calling a GET as Next does, and a config file for the runtime. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Get = (req: Request, route?: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

/** Calls a route's GET with a real Request and, for dynamic segments, the params promise Next passes. */
export async function call(get: Get, path: string, params?: Record<string, string>, init?: RequestInit): Promise<{ status: number; body: unknown; res: Response }> {
  const res = await get(new Request(`http://127.0.0.1${path}`, init), params ? { params: Promise.resolve(params) } : undefined);
  const body: unknown = res.headers.get('content-type')?.startsWith('application/json') ? await res.json() : undefined;
  return { status: res.status, body, res };
}

/** Polls until check() is true; fails with `what` after ms. */
export async function until(check: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A temporary Meshglass config file; `write` replaces its text, `remove` deletes the folder. */
export function tempConfig(text: string): { file: string; write(text: string): void; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'meshglass-cfg-'));
  const file = join(dir, 'meshglass.yaml');
  writeFileSync(file, text);
  return { file, write: (t) => writeFileSync(file, t), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Reads an SSE body until `pattern` shows up or `ms` pass; returns what was read. */
export async function readSse(body: ReadableStream<Uint8Array>, pattern: string, ms: number): Promise<string> {
  const reader = body.getReader();
  let text = '';
  const deadline = Date.now() + ms;
  while (!text.includes(pattern) && Date.now() < deadline) {
    const timeout = new Promise<{ done: true; value: undefined }>((r) => setTimeout(() => r({ done: true, value: undefined }), Math.max(1, deadline - Date.now())));
    const r = await Promise.race([reader.read(), timeout]);
    if (r.done) break;
    text += new TextDecoder().decode(r.value);
  }
  void reader.cancel().catch(() => undefined);
  return text;
}
