/**
 * One area of Istio's analyzers and where Meshglass stands on it: the
 * analyzers it covers, the Istio test cases Meshglass answers differently
 * (with the reason), and the codes of these analyzers it does not emit.
 * The parity test holds every case to this; docs/analysis.md's code table
 * is made from it.
 */
export interface ParityArea {
  /** Istio analyzer names (metadata names, as the vendored test table names them). */
  analyzers: readonly string[];
  /** Case id (see caseId) -> why Meshglass's answer differs from Istio's. */
  exceptions: Readonly<Record<string, string>>;
  /** IST code -> why Meshglass does not emit it (only codes these analyzers emit). */
  unimplemented: Readonly<Record<string, string>>;
}
