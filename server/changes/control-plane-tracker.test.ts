import { describe, expect, it } from 'vitest';
import type { ControlPlanePoll } from '../fleet/cluster-entry';
import { ControlPlaneTracker } from './control-plane-tracker';

const AT = '2026-01-01T00:00:00.000Z';
const poll = (revision: string, version: string | undefined, state: ControlPlanePoll['state'] = 'ok'): ControlPlanePoll => ({ revision, namespace: 'istio-system', state, version, proxies: [], clusters: [], gateways: [] });
const polls = (...p: ControlPlanePoll[]) => new Map(p.map((x) => [x.revision, x]));
const lines = (t: ControlPlaneTracker, ...p: ControlPlanePoll[]) => t.update('c1', polls(...p), AT).map((e) => `${e.action} ${e.namespace}/${e.name}: ${e.summary}`);

describe('ControlPlaneTracker', () => {
  it('takes the first poll as the baseline, then records revisions appearing, going and changing version', () => {
    const t = new ControlPlaneTracker();
    expect(lines(t, poll('default', '1.30.3'))).toEqual([]);
    expect(lines(t, poll('default', '1.30.3'), poll('1-31', '1.31.0'))).toEqual(['created istio-system/1-31: control plane revision 1-31 appeared (1.31.0)']);
    expect(lines(t, poll('default', '1.30.4'), poll('1-31', '1.31.0'))).toEqual(['changed istio-system/default: control plane revision default: version 1.30.3 → 1.30.4']);
    expect(lines(t, poll('1-31', '1.31.0'))).toEqual(['deleted istio-system/default: control plane revision default went away (was 1.30.4)']);
  });

  it('gives a version change its diff and category', () => {
    const t = new ControlPlaneTracker();
    t.update('c1', polls(poll('default', '1.30.3')), AT);
    expect(t.update('c1', polls(poll('default', '1.31.0')), AT)).toEqual([
      { at: AT, cluster: 'c1', category: 'controlplane', kind: 'ControlPlane', namespace: 'istio-system', name: 'default', action: 'changed', summary: 'control plane revision default: version 1.30.3 → 1.31.0', diff: [{ path: 'version', before: '1.30.3', after: '1.31.0' }], services: [] },
    ]);
  });

  it('does not flap on failing polls; compares versions of polls that answered', () => {
    const t = new ControlPlaneTracker();
    lines(t, poll('default', '1.30.3'));
    expect(lines(t, poll('default', '1.30.3-image-tag', 'error'))).toEqual([]);
    expect(lines(t, poll('default', '1.30.3'))).toEqual([]);
  });

  it('keeps clusters apart, takes seeded polls as baselines, and starts over for a forgotten cluster', () => {
    const t = new ControlPlaneTracker();
    t.seed('c1', polls(poll('default', '1.30.3')));
    expect(t.update('c2', polls(poll('default', '1.29.0')), AT)).toEqual([]);
    expect(lines(t, poll('default', '1.31.0'))).toHaveLength(1);
    t.forget('c1');
    expect(lines(t, poll('default', '1.32.0'))).toEqual([]);
  });
});
