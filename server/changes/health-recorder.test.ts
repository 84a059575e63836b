import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChangeInput } from '../history/types';
import { startHealthRecorder } from './health-recorder';
import type { HealthSample } from './health-tracker';

afterEach(() => vi.useRealTimers());

describe('startHealthRecorder', () => {
  it('polls on its interval, records debounced changes, and survives a failed poll', async () => {
    vi.useFakeTimers();
    const answers: Array<HealthSample['status'] | Error> = ['healthy', new Error('prometheus down'), 'failure', 'failure'];
    const errors: unknown[] = [];
    const recorded: ChangeInput[] = [];
    const rec = startHealthRecorder(async () => {
      const a = answers.shift() ?? 'failure';
      if (a instanceof Error) throw a;
      return [{ cluster: 'c1', namespace: 'ns', name: 'svc', status: a, reasons: [] }];
    }, { record: (e) => recorded.push(...e) }, { everyMs: 1000, onError: (e) => errors.push(e) });
    for (let i = 0; i < 4; i++) await vi.advanceTimersByTimeAsync(1000);
    rec.stop();
    expect(errors).toHaveLength(1);
    expect(recorded.map((e) => e.diff[0])).toEqual([{ path: 'health', before: 'healthy', after: 'failure' }]);
    await vi.advanceTimersByTimeAsync(5000);
    expect(answers).toEqual([]);
  });
});
