import type { Level } from './types';

/** One entry of Istio's analysis message catalogue. */
export interface IstioMessage {
  name: string;
  level: Level;
  /** Go fmt template, rendered with renderGoFormat. */
  template: string;
  args: readonly string[];
}

/**
 * The entries of Istio's analysis-messages.yaml that Meshglass implements:
 * codes, levels and templates are catalogue data, kept verbatim so output
 * matches istioctl's. A unit test compares this table with the file.
 */
export const ISTIO_MESSAGES = {
  IST0101: { name: "ReferencedResourceNotFound", level: 'Error', template: "Referenced %s not found: %q", args: ["reftype", "refval"] },
  IST0106: { name: "SchemaValidationError", level: 'Error', template: "Schema validation error: %v", args: ["err"] },
  IST0108: { name: "UnknownAnnotation", level: 'Warning', template: "Unknown annotation: %s", args: ["annotation"] },
  IST0109: { name: "ConflictingMeshGatewayVirtualServiceHosts", level: 'Error', template: "The VirtualServices %s associated with mesh gateway define the same host %s which can lead to undefined behavior. This can be fixed by merging the conflicting VirtualServices into a single resource.", args: ["virtualServices", "host"] },
  IST0112: { name: "VirtualServiceDestinationPortSelectorRequired", level: 'Error', template: "This VirtualService routes to a service %q that exposes multiple ports %v. Specifying a port in the destination is required to disambiguate.", args: ["destHost", "destPorts"] },
  IST0118: { name: "PortNameIsNotUnderNamingConvention", level: 'Info', template: "Port name %s (port: %d, targetPort: %s) doesn't follow the naming convention of Istio port.", args: ["portName", "port", "targetPort"] },
  IST0128: { name: "NoServerCertificateVerificationDestinationLevel", level: 'Warning', template: "DestinationRule %s in namespace %s has TLS mode set to %s but no caCertificates are set to validate server identity for host: %s", args: ["destinationrule", "namespace", "mode", "host"] },
  IST0129: { name: "NoServerCertificateVerificationPortLevel", level: 'Warning', template: "DestinationRule %s in namespace %s has TLS mode set to %s but no caCertificates are set to validate server identity for host: %s at port %s", args: ["destinationrule", "namespace", "mode", "host", "port"] },
  IST0130: { name: "VirtualServiceUnreachableRule", level: 'Warning', template: "VirtualService rule %v not used (%s).", args: ["ruleno", "reason"] },
  IST0131: { name: "VirtualServiceIneffectiveMatch", level: 'Info', template: "VirtualService rule %v match %v is not used (duplicate/overlapping match in rule %v).", args: ["ruleno", "matchno", "dupno"] },
  IST0132: { name: "VirtualServiceHostNotFoundInGateway", level: 'Warning', template: "one or more host %v defined in VirtualService %s not found in Gateway %s.", args: ["host", "virtualservice", "gateway"] },
  IST0145: { name: "ConflictingGateways", level: 'Error', template: "Conflict with gateways %s (workload selector %s, port %s, hosts %v).", args: ["gateway", "selector", "portnumber", "hosts"] },
  IST0162: { name: "GatewayPortNotDefinedOnService", level: 'Warning', template: "The gateway is listening on a target port (port %d) that is not defined in the Service associated with its workload instances (Pod selector %s). If you need to access the gateway port through the gateway Service, it will not be available.", args: ["port", "selector"] },
  IST0170: { name: "MultiClusterInconsistentService", level: 'Warning', template: "The service %v in namespace %q is inconsistent across clusters %q, which can lead to undefined behaviors. The inconsistent behaviors are: %v.", args: ["serviceName", "namespace", "clusters", "error"] },
  IST0173: { name: "DestinationRuleSubsetNotSelectPods", level: 'Error', template: "The Subset %s defined in the DestinationRule does not select any pods. Which may lead to 503 UH (NoHealthyUpstream).", args: ["subset"] },
  IST0174: { name: "UnknownDestinationRuleHost", level: 'Warning', template: "The host %s defined in the DestinationRule does not match any services in the mesh.", args: ["host"] },
} as const satisfies Record<string, IstioMessage>;

/** An implemented Istio code. */
export type IstioCode = keyof typeof ISTIO_MESSAGES;
