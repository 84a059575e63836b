/** Chromium CPU profile of one step through CDP, summarised as the functions with the most self time. */
import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { summarise, type CpuProfile } from '../../server/bench/profile-summary';

export async function profiled<T>(page: Page, file: string | undefined, fn: () => Promise<T>): Promise<{ value: T; top?: Array<{ fn: string; sharePct: number }> }> {
  if (!file) return { value: await fn() };
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const value = await fn();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  await cdp.detach();
  writeFileSync(file, JSON.stringify(profile));
  const top = summarise(profile).self;
  return { value, top };
}
