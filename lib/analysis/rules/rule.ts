import type { AnalysisContext } from '../context';
import type { ClusterView, Finding } from '../types';
import { clusterUnits, runUnits, type Input, type Unit } from '../units';

/**
 * A rule: the codes it may emit, whether it looks at one mesh or the whole
 * fleet, what it reads, and the check, whole or in pieces.
 */
export interface Rule {
  codes: readonly string[];
  /** The Istio analyzer it mirrors, by Istio's name ('virtualservice.DestinationHostAnalyzer'); absent for Meshglass's own rules. */
  analyzer?: string;
  scope: 'mesh' | 'fleet';
  /** The objects it reads of any cluster (and every rule reads the clusters' state): a change to anything else leaves its findings as they were. */
  reads: readonly Input[];
  run(ctx: AnalysisContext): Finding[];
  /** The check in pieces a sliced run can yield between; their findings, in order, equal run(ctx). Absent: one piece. */
  units?(ctx: AnalysisContext): Iterable<Unit>;
  /**
   * Set when each piece checks one cluster's objects (Unit.cluster): what a
   * piece reads of the other clusters. A change in one cluster outside these
   * re-runs only that cluster's piece.
   */
  meshReads?: readonly Input[];
}

/** A rule checked a cluster at a time. */
export function perCluster(codes: readonly string[], check: (ctx: AnalysisContext, c: ClusterView) => Finding[], reads: readonly Input[], meshReads: readonly Input[] = []): Rule {
  return { codes, scope: 'mesh', reads, meshReads, run: (ctx) => runUnits(clusterUnits(ctx, check)), units: (ctx) => clusterUnits(ctx, check) };
}

/** An Istio analyzer's rule, checked a cluster at a time. */
export function istioAnalyzer(analyzer: string, codes: readonly string[], check: (ctx: AnalysisContext, c: ClusterView) => Finding[], reads: readonly Input[], meshReads: readonly Input[] = []): Rule {
  return { ...perCluster(codes, check, reads, meshReads), analyzer };
}

/** The rule's pieces (one when it has no units). */
export function ruleUnits(rule: Rule, ctx: AnalysisContext): Iterable<Unit> {
  return rule.units ? rule.units(ctx) : [{ run: () => rule.run(ctx) }];
}

/** Input names of config kinds the rules read often. */
export const VS = 'config:VirtualService';
export const DR = 'config:DestinationRule';
export const GW = 'config:Gateway';
export const SE = 'config:ServiceEntry';
