import { describe, expect, it } from 'vitest';
import type { FleetModel } from './model';
import { SharedAnswers } from './shared-answers';

const fakeModel = () => ({ revision: 1 }) as unknown as FleetModel & { revision: number };
const answer = (n: number) => ({ data: { n }, clusters: {}, revision: 1, generatedAt: 't' });

describe('SharedAnswers', () => {
  it('makes an answer once per key, model revision and time-to-live', () => {
    const shared = new SharedAnswers(1_000);
    const model = fakeModel();
    let made = 0;
    const make = () => answer(++made);
    const ok = () => 200;
    const a = shared.get(model, 'clusters', 0, make, ok)!;
    expect(shared.get(model, 'clusters', 999, make, ok)).toBe(a);
    expect(made).toBe(1);
    expect(JSON.parse(a.json)).toEqual(answer(1));
    expect(a.status).toBe(200);

    model.revision = 2; // a write
    expect(JSON.parse(shared.get(model, 'clusters', 999, make, ok)!.json).data.n).toBe(2);
    expect(JSON.parse(shared.get(model, 'clusters', 2_000, make, ok)!.json).data.n).toBe(3); // aged out
    expect(JSON.parse(shared.get(fakeModel(), 'clusters', 2_000, make, ok)!.json).data.n).toBe(4); // another model (config reload)
    expect(JSON.parse(shared.get(fakeModel(), 'other', 2_000, make, ok)!.json).data.n).toBe(5);
  });

  it('shares no "not found" and keeps at most its bound of entries', () => {
    const shared = new SharedAnswers(1_000, 3);
    const model = fakeModel();
    let calls = 0;
    expect(shared.get(model, 'missing', 0, () => (calls++, undefined), () => 200)).toBeUndefined();
    expect(shared.get(model, 'missing', 0, () => (calls++, undefined), () => 200)).toBeUndefined();
    expect(calls).toBe(2);
    for (const k of ['a', 'b', 'c', 'd']) shared.get(model, k, 0, () => answer(0), () => 200);
    expect(shared.size).toBe(3);
  });

  it('keeps the status it was made with (503 while nothing is known)', () => {
    const shared = new SharedAnswers();
    const a = shared.get(fakeModel(), 'clusters', 0, () => answer(0), () => 503)!;
    expect(a.status).toBe(503);
  });

  it('holds an answer made from another object (a telemetry answer) only for that same object', () => {
    const shared = new SharedAnswers();
    const model = fakeModel();
    let made = 0;
    const make = () => answer(++made);
    const signals = {};
    const a = shared.get(model, 'services', 0, make, () => 200, signals)!;
    expect(shared.get(model, 'services', 10, make, () => 200, signals)).toBe(a);
    expect(JSON.parse(shared.get(model, 'services', 20, make, () => 200, {})!.json).data.n).toBe(2); // telemetry reloaded
    expect(made).toBe(2);
  });
});
