// Moved to gateways/; kept for server/analysis/findings.test.ts, which imports it from here.
export { checkConflictingGateways, checkConflictingGatewaysIn } from './gateways/conflicting-gateways';
