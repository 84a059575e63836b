/**
 * Query keys of telemetry answers, under 'telemetry' and 'topology' so one
 * prefix invalidates every signal or graph query. Kept apart from the fleet's
 * key factory, which another module owns.
 */
export const telemetryKeys = {
  all: ['telemetry'] as const,
  services: (p: object) => ['telemetry', 'services', p] as const,
  service: (namespace: string, name: string, p: object) => ['telemetry', 'service', namespace, name, p] as const,
  workloads: (p: object) => ['telemetry', 'workloads', p] as const,
  status: () => ['telemetry', 'status'] as const,
  topologyAll: ['topology'] as const,
  topology: (p: object) => ['topology', p] as const,
};
