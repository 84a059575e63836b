/** Which responses an error tolerance counts. */
export type ErrorClass = 'http5xx' | 'http4xx' | 'grpc' | 'noResponse';

/** Percent thresholds: degraded above/at `degraded`, failure at `failure` or more. */
export interface Tolerance {
  errorClass: ErrorClass;
  /** Degraded when the error percentage exceeds this (or equals it when `degradedInclusive`). */
  degraded: number;
  degradedInclusive: boolean;
  failure: number;
}

/** A tolerance set applied to services whose namespace and name match the globs. */
export interface ToleranceRule {
  namespace?: string;
  service?: string;
  tolerances: Tolerance[];
}

/**
 * Kiali's defaults, the reference users know: any 5xx, gRPC error or missing
 * response degrades, 10% fails; 4xx degrades at 10% and fails at 20%.
 */
export const DEFAULT_TOLERANCES: readonly Tolerance[] = [
  { errorClass: 'http5xx', degraded: 0, degradedInclusive: false, failure: 10 },
  { errorClass: 'http4xx', degraded: 10, degradedInclusive: true, failure: 20 },
  { errorClass: 'grpc', degraded: 0, degradedInclusive: false, failure: 10 },
  { errorClass: 'noResponse', degraded: 0, degradedInclusive: false, failure: 10 },
];

function globMatch(glob: string | undefined, value: string): boolean {
  if (glob === undefined || glob === '*') return true;
  const re = new RegExp(`^${glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  return re.test(value);
}

/** The tolerances for a service: the first matching rule's, else the defaults. Missing classes fall back to the defaults. */
export function tolerancesFor(rules: readonly ToleranceRule[], namespace: string, service: string): readonly Tolerance[] {
  const rule = rules.find((r) => globMatch(r.namespace, namespace) && globMatch(r.service, service));
  if (!rule) return DEFAULT_TOLERANCES;
  return DEFAULT_TOLERANCES.map((d) => rule.tolerances.find((t) => t.errorClass === d.errorClass) ?? d);
}
