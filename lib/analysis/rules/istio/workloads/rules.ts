import { istioAnalyzer, type Rule } from '../../rule';
import { checkApplicationUidIn } from './application-uid';
import { checkBlockedCidrsIn } from './blocked-cidrs';
import { checkImageAutoIn } from './image-auto';
import { checkInjectionIn } from './injection';
import { checkInjectionImagesIn } from './injection-image';
import { checkPortNamesIn } from './port-name';
import { checkServiceAssociationIn } from './service-association';

/** Injection, deployments, service port names, istiod settings. */
export const WORKLOAD_RULES: readonly Rule[] = [
  istioAnalyzer('injection.Analyzer', ['IST0102', 'IST0103', 'IST0123', 'IST0148'], checkInjectionIn, ['namespaces', 'pods', 'resources']),
  istioAnalyzer('injection.ImageAnalyzer', ['IST0158'], checkInjectionImagesIn, ['namespaces', 'pods', 'resources', 'config:ProxyConfig']),
  istioAnalyzer('injection.ImageAutoAnalyzer', ['IST0146', 'IST0147'], checkImageAutoIn, ['namespaces', 'pods', 'deployments', 'resources']),
  istioAnalyzer('deployment.ServiceAssociationAnalyzer', ['IST0116', 'IST0137'], checkServiceAssociationIn, ['services', 'deployments', 'namespaces']),
  istioAnalyzer('deployment.ApplicationUIDAnalyzer', ['IST0144'], checkApplicationUidIn, ['pods', 'deployments']),
  istioAnalyzer('service.PortNameAnalyzer', ['IST0118', 'IST0150'], checkPortNamesIn, ['services']),
  istioAnalyzer('authn.BlockedCIDRsAnalyzer', ['IST0175'], checkBlockedCidrsIn, ['config:RequestAuthentication', 'deployments']),
];
