import { useQuery } from '@tanstack/react-query';
import { fleetResponseSchema } from './envelope';
import { fetchJson } from './fetch-json';
import { qk } from './query-keys';
import { clusterDetailSchema, clusterListSchema } from '../fleet/clusters';
import { pageSchema } from '../fleet/paging';
import { serviceDetailSchema, serviceSummarySchema } from '../fleet/services';
import { workloadGroupSchema } from '../fleet/workloads';
import { controlPlaneSchema, proxyStatusSchema } from '../fleet/controlplanes';
import { configDetailSchema, configSummarySchema } from '../fleet/config';
import { identitySchema } from '../fleet/identities';

type Params = Record<string, string | number | undefined>;
const qs = (p: Params) => {
  const s = new URLSearchParams(Object.entries(p).flatMap(([k, v]) => (v === undefined || v === '' ? [] : [[k, String(v)]]))).toString();
  return s ? `?${s}` : '';
};
const seg = encodeURIComponent;

const clusterList = fleetResponseSchema(clusterListSchema);
const clusterOne = fleetResponseSchema(clusterDetailSchema);
const serviceList = fleetResponseSchema(pageSchema(serviceSummarySchema));
const serviceOne = fleetResponseSchema(serviceDetailSchema);
const workloadList = fleetResponseSchema(pageSchema(workloadGroupSchema));
const controlPlaneList = fleetResponseSchema(controlPlaneSchema.array());
const proxyList = fleetResponseSchema(pageSchema(proxyStatusSchema));
const configList = fleetResponseSchema(pageSchema(configSummarySchema));
const configOne = fleetResponseSchema(configDetailSchema);
const identityList = fleetResponseSchema(pageSchema(identitySchema));

/** Fetchers: one per endpoint, each parsing its answer with the server's schema. */
export const fetchClusters = () => fetchJson('/api/v1/clusters', clusterList);
export const fetchCluster = (name: string) => fetchJson(`/api/v1/clusters/${seg(name)}`, clusterOne);
export const fetchServices = (p: Params) => fetchJson(`/api/v1/services${qs(p)}`, serviceList);
export const fetchService = (ns: string, name: string) => fetchJson(`/api/v1/services/${seg(ns)}/${seg(name)}`, serviceOne);
export const fetchIdentities = (p: Params) => fetchJson(`/api/v1/identities${qs(p)}`, identityList);
export const fetchWorkloads = (p: Params) => fetchJson(`/api/v1/workloads${qs(p)}`, workloadList);
export const fetchControlPlanes = (p: Params) => fetchJson(`/api/v1/controlplanes${qs(p)}`, controlPlaneList);
export const fetchProxies = (p: Params) => fetchJson(`/api/v1/proxies${qs(p)}`, proxyList);
export const fetchConfigObjects = (p: Params) => fetchJson(`/api/v1/config${qs(p)}`, configList);
export const fetchConfigObject = (cluster: string, group: string, kind: string, ns: string, name: string) =>
  fetchJson(`/api/v1/config/${[cluster, group || '-', kind, ns || '-', name].map(seg).join('/')}`, configOne);

/** Hooks: SSE change events invalidate these by key prefix (see keysForChange). */
export const useClusters = () => useQuery({ queryKey: qk.clusters.list(), queryFn: fetchClusters });
export const useCluster = (name: string) => useQuery({ queryKey: qk.clusters.detail(name), queryFn: () => fetchCluster(name) });
export const useServices = (p: Params = {}) => useQuery({ queryKey: qk.services.list(p), queryFn: () => fetchServices(p) });
export const useService = (ns: string, name: string) => useQuery({ queryKey: qk.services.detail(ns, name), queryFn: () => fetchService(ns, name) });
export const useIdentities = (p: Params = {}) => useQuery({ queryKey: qk.identities.list(p), queryFn: () => fetchIdentities(p) });
export const useWorkloads = (p: Params = {}) => useQuery({ queryKey: qk.workloads.list(p), queryFn: () => fetchWorkloads(p) });
export const useControlPlanes = (p: Params = {}) => useQuery({ queryKey: qk.controlPlanes.list(p), queryFn: () => fetchControlPlanes(p) });
export const useProxies = (p: Params = {}, enabled = true) => useQuery({ queryKey: qk.proxies.list(p), queryFn: () => fetchProxies(p), enabled });
export const useConfigObjects = (p: Params = {}, enabled = true) => useQuery({ queryKey: qk.config.list(p), queryFn: () => fetchConfigObjects(p), enabled });
