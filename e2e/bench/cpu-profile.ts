/** Chromium CPU profile of one step through CDP, summarised as the functions with the most self time. */
import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
}

export async function profiled<T>(page: Page, file: string | undefined, fn: () => Promise<T>): Promise<{ value: T; top?: Array<{ fn: string; sharePct: number }> }> {
  if (!file) return { value: await fn() };
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const value = await fn();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  await cdp.detach();
  writeFileSync(file, JSON.stringify(profile));
  const self = new Map<string, number>();
  for (const n of profile.nodes) {
    const name = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;
    self.set(name, (self.get(name) ?? 0) + (n.hitCount ?? 0));
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0) || 1;
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([f, h]) => ({ fn: f, sharePct: Number(((h / total) * 100).toFixed(1)) }));
  return { value, top };
}
