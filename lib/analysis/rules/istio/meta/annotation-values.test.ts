import { describe, expect, it } from 'vitest';
import { ANNOTATION_VALUE_CHECKS } from './annotation-values';

const check = (name: string, value: string) => ANNOTATION_VALUE_CHECKS[name]!(value);

describe('annotation value checks', () => {
  it('reads numbers, booleans and quantities as Go and Kubernetes do', () => {
    expect(check('readiness.status.sidecar.istio.io/periodSeconds', '10')).toBeUndefined();
    expect(check('readiness.status.sidecar.istio.io/periodSeconds', '4294967296')).toBe('strconv.ParseUint: parsing "4294967296": value out of range');
    expect(check('prometheus.istio.io/merge-metrics', 'True')).toBeUndefined();
    expect(check('prometheus.istio.io/merge-metrics', 'yes')).toBe('strconv.ParseBool: parsing "yes": invalid syntax');
    for (const q of ['100m', '1Gi', '0.5', '1e3']) expect(check('sidecar.istio.io/proxyMemory', q), q).toBeUndefined();
    expect(check('sidecar.istio.io/proxyMemory', '1Mm')).toBe("unable to parse quantity's suffix");
    expect(check('sidecar.istio.io/proxyCPU', 'lots')).toMatch(/^quantities must match/);
  });

  it('reads ports, CIDRs and interface names', () => {
    expect(check('traffic.sidecar.istio.io/includeInboundPorts', '*')).toBeUndefined();
    expect(check('traffic.sidecar.istio.io/excludeInboundPorts', ' 15020, 9090 ')).toBeUndefined();
    expect(check('traffic.sidecar.istio.io/excludeInboundPorts', '70000')).toMatch(/value out of range$/);
    expect(check('traffic.sidecar.istio.io/excludeOutboundIPRanges', '10.0.0.0/33')).toBe('excludeIPRanges invalid: failed parsing cidr \'10.0.0.0/33\': netip.ParsePrefix("10.0.0.0/33"): prefix length out of range');
    expect(check('traffic.sidecar.istio.io/includeOutboundIPRanges', '10.0.0.1')).toBe('includeIPRanges invalid: failed parsing cidr \'10.0.0.1\': netip.ParsePrefix("10.0.0.1"): no \'/\'');
    expect(check('traffic.sidecar.istio.io/excludeInterfaces', 'eth0, net1')).toBeUndefined();
    expect(check('traffic.sidecar.istio.io/excludeInterfaces', 'eth0,,')).toBe('empty interface name');
  });

  it('rejects a proxy config that is not YAML of a mapping', () => {
    expect(check('proxy.istio.io/config', '{holdApplicationUntilProxyStarts: true}')).toBeUndefined();
    expect(check('proxy.istio.io/config', '[1, 2]')).toMatch(/^failed to convert to apply proxy config/);
  });
});
