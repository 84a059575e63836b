import { z } from 'zod';
import { clusterSignalsSchema, healthSchema, signalsSchema, telemetryWindowSchema } from '../api/signals-schema';
import { conditionSchema, dataplaneSummarySchema } from './dataplane-schema';
import { pagingQuerySchema } from './paging';
import { serviceRouteSchema } from './routes';

/** A port as one cluster's Service declares it. */
export const servicePortSchema = z.object({ name: z.string().optional(), port: z.number(), protocol: z.string(), appProtocol: z.string().optional() });

/** A workload behind a service in one cluster. */
export const serviceWorkloadSchema = z.object({ kind: z.string(), name: z.string(), version: z.string().optional(), pods: z.number().int(), readyPods: z.number().int() });

/** One cluster's part of a global service. */
export const serviceInstanceSchema = z.object({
  cluster: z.string(),
  type: z.string(),
  clusterIP: z.string().optional(),
  headless: z.boolean(),
  ports: z.array(servicePortSchema),
  endpoints: z.object({ ready: z.number().int(), notReady: z.number().int() }),
  workloads: z.array(serviceWorkloadSchema),
  versions: z.array(z.string()),
  proxies: z.object({ total: z.number().int(), versions: z.record(z.string(), z.number().int()) }),
  /** The data-plane mode of its pods ('mixed' when they differ); with no pods, its namespace's. */
  dataplane: dataplaneSummarySchema,
  /** The waypoint this Service uses (istio.io/use-waypoint on it or its namespace), when it uses one. */
  waypoint: z
    .object({
      namespace: z.string(),
      name: z.string(),
      /** The waypoint Gateway exists in this cluster with a ready pod. */
      ready: z.boolean(),
      /** The Service's istio.io/WaypointBound condition, when istiod wrote one. */
      bound: conditionSchema.pick({ reason: true, message: true }).extend({ status: z.enum(['True', 'False']) }).optional(),
    })
    .optional(),
});
export type ServiceInstance = z.infer<typeof serviceInstanceSchema>;

/**
 * A service in the list: one row per mesh, namespace and name, merged across
 * that mesh's clusters (namespace sameness holds within a mesh only), or a
 * ServiceEntry likewise. The same namespace/name in another mesh is its own row.
 */
export const serviceSummarySchema = z.object({
  kind: z.enum(['Service', 'ServiceEntry']),
  /** The clusters' mesh ID; '' for clusters without one (they form one group, as Istio gives them one default mesh). */
  mesh: z.string(),
  namespace: z.string(),
  name: z.string(),
  hosts: z.array(z.string()),
  clusters: z.array(z.string()),
  ports: z.array(servicePortSchema),
  endpoints: z.object({ ready: z.number().int(), notReady: z.number().int() }),
  versions: z.array(z.string()),
  proxies: z.number().int(),
  /** The distinct data-plane modes of its instances across clusters (ServiceEntry: empty). */
  dataplanes: z.array(dataplaneSummarySchema),
  /** Differences across clusters (type, ports, headless mix), as IST0170 would flag them. */
  inconsistencies: z.array(z.string()),
  /** ServiceEntry only. */
  location: z.string().optional(),
  resolution: z.string().optional(),
  /** With telemetry configured (Services only): fleet-wide golden signals over the window. */
  signals: signalsSchema.optional(),
  /** With telemetry configured (Services only): the worst cluster's health, with the place in the reason. */
  health: healthSchema.optional(),
  /** With telemetry configured (Services only): each visible cluster's signals and health. */
  clusterSignals: z.array(clusterSignalsSchema).optional(),
});
export type ServiceSummary = z.infer<typeof serviceSummarySchema>;

/** A service with every cluster's instance in its mesh. */
export const serviceDetailSchema = serviceSummarySchema.extend({
  instances: z.array(serviceInstanceSchema),
  /** Every visible mesh with a Service of this namespace/name (this one included), in mesh order, with its clusters. */
  meshes: z.array(z.object({ mesh: z.string(), clusters: z.array(z.string()) })).optional(),
  /** HTTPRoutes, GRPCRoutes and VirtualServices that send traffic to this service, per cluster. */
  routes: z.array(serviceRouteSchema),
});
export type ServiceDetail = z.infer<typeof serviceDetailSchema>;

/** A mesh ID as a query parameter (up to a DNS name; '' is the group of clusters without a mesh ID). */
export const meshParam = z.string().max(253);

/**
 * Query of GET /api/v1/services/{namespace}/{name}: which mesh's service. Without `mesh`, the mesh
 * holding `cluster` (links that name a cluster land in its mesh), else the first mesh in name order.
 */
export const serviceDetailQuerySchema = z.object({
  mesh: meshParam.optional(),
  cluster: z.string().min(1).optional(),
});
export type ServiceDetailQuery = z.infer<typeof serviceDetailQuerySchema>;

/** Orders the fleet model keeps indexed. */
export const FLEET_SORTS = ['name', '-name', 'namespace', '-namespace', 'clusters', '-clusters', 'endpoints', '-endpoints'] as const;
/** Orders by telemetry (rps, error %, p95, health worst first); need telemetry. */
export const SIGNAL_SORTS = ['rps', '-rps', 'errors', '-errors', 'p95', '-p95', 'health', '-health'] as const;
export type FleetSort = (typeof FLEET_SORTS)[number];
export type SignalSort = (typeof SIGNAL_SORTS)[number];

/** Query of GET /api/v1/services. */
export const servicesQuerySchema = pagingQuerySchema.extend({
  cluster: z.string().min(1).optional(),
  /** Rows of this mesh only ('' : clusters without a mesh ID). */
  mesh: meshParam.optional(),
  namespace: z.string().min(1).optional(),
  q: z.string().max(200).optional(),
  kind: z.enum(['Service', 'ServiceEntry']).optional(),
  /** Rows with an instance in this data-plane mode in any cluster. */
  dataplane: dataplaneSummarySchema.optional(),
  sort: z.enum([...FLEET_SORTS, ...SIGNAL_SORTS]).default('name'),
  /** Health statuses to keep, comma-separated (needs telemetry). */
  health: z
    .string()
    .transform((v) => v.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(healthSchema.shape.status).min(1))
    .optional(),
  /** Rate window of the signals (default: telemetry.window). */
  window: telemetryWindowSchema,
  /** `clusterSignals`: each row also carries every cluster's signals (about 10x the answer at 50 clusters). */
  include: z.enum(['clusterSignals']).optional(),
});
export type ServicesQuery = z.infer<typeof servicesQuerySchema>;
