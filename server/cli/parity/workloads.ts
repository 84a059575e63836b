import type { ParityArea } from './area';

/** Injection, deployments, service port names, istiod settings. */
export const WORKLOADS_PARITY: ParityArea = {
  analyzers: [
    'injection.Analyzer',
    'injection.ImageAnalyzer',
    'injection.ImageAutoAnalyzer',
    'deployment.ServiceAssociationAnalyzer',
    'deployment.ApplicationUIDAnalyzer',
    'service.PortNameAnalyzer',
    'authn.BlockedCIDRsAnalyzer',
  ],
  exceptions: {},
  unimplemented: {},
};
