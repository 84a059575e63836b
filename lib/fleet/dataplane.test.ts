import { describe, expect, it } from 'vitest';
import { namespaceDataplane, podDataplane, summarizeDataplane, waypointFor, waypointTrafficType } from './dataplane';

describe('namespaceDataplane', () => {
  it('reads ambient, sidecar by injection or revision, and none', () => {
    expect(namespaceDataplane({ 'istio.io/dataplane-mode': 'ambient' })).toBe('ambient');
    expect(namespaceDataplane({ 'istio-injection': 'enabled' })).toBe('sidecar');
    expect(namespaceDataplane({ 'istio.io/rev': '1-31' })).toBe('sidecar');
    expect(namespaceDataplane({ 'istio.io/rev': '1-31', 'istio-injection': 'disabled' })).toBe('none');
    expect(namespaceDataplane({})).toBe('none');
    expect(namespaceDataplane(undefined)).toBe('none');
  });
});

describe('podDataplane', () => {
  const ambientNs = { 'istio.io/dataplane-mode': 'ambient' };
  it('prefers a sidecar, then the redirection annotation, then the labels', () => {
    expect(podDataplane({ hasProxy: true, labels: {} }, ambientNs)).toBe('sidecar');
    expect(podDataplane({ hasProxy: false, labels: {}, annotations: { 'ambient.istio.io/redirection': 'enabled' } }, {})).toBe('ambient');
    expect(podDataplane({ hasProxy: false, labels: {} }, ambientNs)).toBe('ambient');
    expect(podDataplane({ hasProxy: false, labels: { 'istio.io/dataplane-mode': 'none' } }, ambientNs)).toBe('none');
    expect(podDataplane({ hasProxy: false, labels: { 'istio.io/dataplane-mode': 'ambient' } }, {})).toBe('ambient');
    expect(podDataplane({ hasProxy: false, labels: {} }, { 'istio-injection': 'enabled' })).toBe('none');
  });
  it('counts gateways, waypoints, ztunnel and istiod as none: their proxy is the workload', () => {
    expect(podDataplane({ hasProxy: true, labels: { app: 'ztunnel', 'istio.io/dataplane-mode': 'none' } }, {})).toBe('none');
    expect(podDataplane({ hasProxy: true, labels: { 'gateway.networking.k8s.io/gateway-name': 'waypoint' } }, ambientNs)).toBe('none');
    expect(podDataplane({ hasProxy: true, labels: { istio: 'eastwestgateway' } }, {})).toBe('none');
    expect(podDataplane({ hasProxy: true, labels: { app: 'istiod', istio: 'pilot' } }, {})).toBe('none');
  });
});

describe('summarizeDataplane', () => {
  it('is the common mode, mixed when they differ, undefined when empty', () => {
    expect(summarizeDataplane(['ambient', 'ambient'])).toBe('ambient');
    expect(summarizeDataplane(['ambient', 'sidecar'])).toBe('mixed');
    expect(summarizeDataplane([])).toBeUndefined();
  });
});

describe('waypointFor', () => {
  it('takes the object label, its namespace label, or the namespace default', () => {
    expect(waypointFor('shop', { 'istio.io/use-waypoint': 'wp' }, {})).toEqual({ namespace: 'shop', name: 'wp' });
    expect(waypointFor('shop', { 'istio.io/use-waypoint': 'wp', 'istio.io/use-waypoint-namespace': 'infra' }, {})).toEqual({ namespace: 'infra', name: 'wp' });
    expect(waypointFor('shop', {}, { 'istio.io/use-waypoint': 'waypoint' })).toEqual({ namespace: 'shop', name: 'waypoint' });
    expect(waypointFor('shop', { 'istio.io/use-waypoint': 'none' }, { 'istio.io/use-waypoint': 'waypoint' })).toBeUndefined();
    expect(waypointFor('shop', {}, {})).toBeUndefined();
  });
  it('reads the traffic type with Istio\'s default', () => {
    expect(waypointTrafficType({})).toBe('service');
    expect(waypointTrafficType({ 'istio.io/waypoint-for': 'all' })).toBe('all');
  });
});
