import type { TrafficSample } from '../types';

/** Labels of one request series between two workloads; override any label. */
export function req(src: [string, string, string], dst: [string, string, string, string], value: number, over: Record<string, string> = {}): TrafficSample {
  const [sc, sns, sw] = src;
  const [dc, dns, dw, svc] = dst;
  return {
    value,
    metric: {
      reporter: 'destination',
      source_cluster: sc,
      source_workload_namespace: sns,
      source_workload: sw,
      source_canonical_service: sw.replace(/-v\d+$/, ''),
      source_canonical_revision: /-(v\d+)$/.exec(sw)?.[1] ?? 'latest',
      destination_cluster: dc,
      destination_workload_namespace: dns,
      destination_workload: dw,
      destination_canonical_service: dw.replace(/-v\d+$/, ''),
      destination_canonical_revision: /-(v\d+)$/.exec(dw)?.[1] ?? 'latest',
      destination_service_namespace: dns,
      destination_service_name: svc,
      destination_service: `${svc}.${dns}.svc.cluster.local`,
      request_protocol: 'http',
      response_code: '200',
      grpc_response_status: '',
      connection_security_policy: 'mutual_tls',
      ...over,
    },
  };
}

export const E = 'us-east-1';
export const W = 'us-west-2';
