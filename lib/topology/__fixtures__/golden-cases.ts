import { createHash } from 'node:crypto';
import type { TopologyInput } from '../build-topology';
import { GRAPH_TYPES } from '../types';
import { generatedInput } from './generated';
import { E, W, req } from './samples';

/**
 * Inputs whose built answers are pinned by digest (golden-digests.json, made
 * with the code of commit f74901d, before round 4 of the topology work): the
 * reference build shares node-identity with the build, so only a pinned
 * answer shows that those shared pieces still answer as they did.
 */
export function goldenCases(): Array<[string, TopologyInput]> {
  const out: Array<[string, TopologyInput]> = [];
  for (const seed of [1, 42]) {
    const base = generatedInput(seed, 200, 1_500);
    for (const graphType of GRAPH_TYPES) {
      for (const edgeDetail of [false, true]) out.push([`seed ${seed}, ${graphType} graph, edgeDetail ${edgeDetail}`, { ...base, graphType, hideIdle: false, edgeDetail }]);
    }
  }
  // External sinks and one workload answering as two services (which service a node keeps depends on series order).
  const sinks = [
    req([E, 'a', 'web-v1'], [E, 'unknown', 'unknown', 'BlackHoleCluster'], 2, { reporter: 'source', destination_service: 'BlackHoleCluster' }),
    req([E, 'a', 'web-v1'], [E, 'unknown', 'unknown', 'PassthroughCluster'], 1, { reporter: 'source', destination_service: 'PassthroughCluster' }),
    req([E, 'a', 'web-v1'], [W, 'b', 'api-v2', 'api'], 3),
    req([E, 'a', 'web-v2'], [W, 'b', 'api-v2', 'api-canary'], 1, { response_code: '503' }),
    req([W, 'b', 'api-v2'], [W, 'b', 'db-v1', 'db'], 5, { request_protocol: 'grpc', grpc_response_status: '14' }),
  ];
  for (const graphType of GRAPH_TYPES) out.push([`sinks, ${graphType} graph`, { graphType, requests: sinks, tcp: [], p95: sinks, hideIdle: true, edgeDetail: true, networkOf: (c) => c }]);
  return out;
}

/** A short digest of an answer's JSON. */
export const digest = (answer: unknown): string => createHash('sha256').update(JSON.stringify(answer)).digest('hex').slice(0, 20);
