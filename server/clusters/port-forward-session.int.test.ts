import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimFleet, type SimFleet } from '../sim/runtime';
import { istiodPod, kubeConfig } from '../sim/sim-test-support';
import { digestOf } from '../istiod/parse-memo';
import { KubeClient } from './kube-client';
import { portForwardGet, PortForwardSession } from './port-forward-get';

let fleet: SimFleet;

beforeAll(async () => {
  fleet = await startSimFleet();
});
afterAll(async () => {
  await fleet?.stop();
});

describe('PortForwardSession: several GETs over one port-forward', () => {
  it("answers istiod's four paths as single GETs do, over one tunnel, with the bytes' digest", async () => {
    const client = new KubeClient(kubeConfig(fleet, 'us-east-1'), 5000);
    const pod = await istiodPod(fleet, 'us-east-1');
    const session = new PortForwardSession(client.portForward(), 'istio-system', pod, 15014, 5000);
    try {
      for (const p of ['/version', '/debug/syncz', '/debug/clusterz', '/debug/networkz']) {
        const [many, one] = await Promise.all([session.get(p), portForwardGet(client.portForward(), 'istio-system', pod, 15014, p, 5000)]);
        expect(many.status).toBe(200);
        expect(many.body).toBe(one.body);
        expect(many.digest).toBe(digestOf(one.body));
      }
      expect(session.opened).toBe(1);
    } finally {
      session.close();
      client.close();
    }
  });

  it('reports an HTTP status and a refused port as the port-forward error', async () => {
    const client = new KubeClient(kubeConfig(fleet, 'us-east-1'), 5000);
    const pod = await istiodPod(fleet, 'us-east-1');
    const session = new PortForwardSession(client.portForward(), 'istio-system', pod, 15014, 5000);
    const refused = new PortForwardSession(client.portForward(), 'istio-system', pod, 9999, 5000);
    try {
      expect((await session.get('/debug/nothing-here')).status).toBe(404);
      await expect(refused.get('/version')).rejects.toThrow(/port-forward to istio-system\/.*:9999/);
      // After close, nothing more is sent.
      session.close();
      await expect(session.get('/version')).rejects.toThrow(/closed/);
    } finally {
      session.close();
      refused.close();
      client.close();
    }
  });
});
