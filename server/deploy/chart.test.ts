import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { builtinKinds, CONFIG_GROUPS } from '../clusters/kinds';
import { configSchema } from '../config/schema';
import { renderTemplate, type RenderContext } from './helm-subset';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Service } from 'kubernetes-models/v1/Service';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { ClusterRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole';
import { ClusterRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRoleBinding';
import { Role } from 'kubernetes-models/rbac.authorization.k8s.io/v1/Role';
import { RoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding';

const root = path.resolve(import.meta.dirname, '../..');
const chartDir = path.join(root, 'deploy/helm/meshglass');
const values = parse(readFileSync(path.join(chartDir, 'values.yaml'), 'utf8')) as Record<string, unknown>;
const chart = parse(readFileSync(path.join(chartDir, 'Chart.yaml'), 'utf8')) as Record<string, unknown>;

type Doc = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; labels?: Record<string, string> }; [k: string]: unknown };

/** Deep merge of overrides into the chart's values, as `helm --set` would. */
function merge(base: unknown, over: unknown): unknown {
  if (!over || typeof over !== 'object' || Array.isArray(over) || !base || typeof base !== 'object') return over ?? base;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(over)) out[k] = merge(out[k], v);
  return out;
}

/** Every document the chart renders with `overrides` on its values (helm template). */
function render(overrides: Record<string, unknown> = {}): Doc[] {
  const ctx: RenderContext = { Values: merge(values, overrides) as Record<string, unknown>, Release: { Name: 'mg', Namespace: 'meshglass', Service: 'Helm' }, Chart: { ...chart, AppVersion: chart.appVersion } };
  return readdirSync(path.join(chartDir, 'templates')).sort().flatMap((f) => {
    const text = renderTemplate(readFileSync(path.join(chartDir, 'templates', f), 'utf8'), ctx);
    return parseAllDocuments(text).map((d) => {
      if (d.errors.length) throw new Error(`${f}: ${d.errors[0]!.message}`);
      return d.toJS() as Doc | null;
    }).filter((d): d is Doc => d !== null);
  });
}

const API_VERSIONS: Record<string, string> = {
  Deployment: 'apps/v1', Service: 'v1', ServiceAccount: 'v1', ConfigMap: 'v1', Ingress: 'networking.k8s.io/v1',
  ClusterRole: 'rbac.authorization.k8s.io/v1', ClusterRoleBinding: 'rbac.authorization.k8s.io/v1', Role: 'rbac.authorization.k8s.io/v1', RoleBinding: 'rbac.authorization.k8s.io/v1',
};
/** Validators generated from the Kubernetes OpenAPI schemas (types, required fields, enums). */
const SCHEMAS: Record<string, new (d: never) => { validate(): void }> = {
  Deployment, Service, ServiceAccount, ConfigMap, Ingress, ClusterRole, ClusterRoleBinding, Role, RoleBinding,
};
function schemaErrors(docs: Doc[]): string[] {
  return docs.flatMap((d) => {
    const Model = SCHEMAS[d.kind];
    if (!Model) return [`${d.kind}: no schema`];
    try { new Model(d as never).validate(); return []; } catch (e) { return [`${d.kind}/${d.metadata.name}: ${(e as Error).message}`]; }
  });
}
const one = (docs: Doc[], kind: string) => docs.filter((d) => d.kind === kind);

describe('the Helm chart', () => {
  it('renders standard objects with names, the default values giving no Ingress', () => {
    const docs = render();
    expect(docs.map((d) => d.kind).sort()).toEqual(['ClusterRole', 'ClusterRoleBinding', 'ConfigMap', 'Deployment', 'Role', 'RoleBinding', 'Service', 'ServiceAccount']);
    for (const d of docs) {
      expect(d.apiVersion, d.kind).toBe(API_VERSIONS[d.kind]);
      expect(d.metadata.name, d.kind).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
    }
  });

  it('renders objects that validate against the Kubernetes schemas, with every option on or off', () => {
    expect(schemaErrors(render())).toEqual([]);
    expect(schemaErrors(render({ ingress: { enabled: true, host: 'mg.example.com', className: 'nginx', tlsSecretName: 'mg-tls' }, secrets: { session: { existingSecret: 'mg-session' }, oidcClientSecret: { existingSecret: 'mg-oidc' }, database: { existingSecret: 'mg-db' } } }))).toEqual([]);
  });

  it('the schema check fails on an object Kubernetes would refuse', () => {
    const dep = structuredClone(one(render(), 'Deployment')[0]!) as unknown as { spec: { template: { spec: { containers: Array<Record<string, unknown>> } } } };
    delete dep.spec.template.spec.containers[0]!.name;
    expect(schemaErrors([dep as unknown as Doc]).join()).toMatch(/required property name/);
  });

  it('runs a locked-down pod whose probes, Service and config fit the product', () => {
    const docs = render();
    const dep = one(docs, 'Deployment')[0] as unknown as { spec: { selector: { matchLabels: Record<string, string> }; template: { metadata: { labels: Record<string, string> }; spec: { serviceAccountName: string; securityContext: Record<string, unknown>; containers: Array<{ securityContext: Record<string, unknown>; livenessProbe: { httpGet: { path: string } }; readinessProbe: { httpGet: { path: string } }; volumeMounts: Array<{ mountPath: string }>; env: Array<{ name: string; value?: string }> }>; volumes: Array<{ name: string; configMap?: { name: string } }> } } } };
    const pod = dep.spec.template;
    expect(pod.metadata.labels).toMatchObject(dep.spec.selector.matchLabels);
    const svc = one(docs, 'Service')[0] as unknown as { spec: { selector: Record<string, string> } };
    expect(pod.metadata.labels).toMatchObject(svc.spec.selector);
    expect(pod.spec.serviceAccountName).toBe(one(docs, 'ServiceAccount')[0]!.metadata.name);
    expect(pod.spec.securityContext).toMatchObject({ runAsNonRoot: true });
    const c = pod.spec.containers[0]!;
    expect(c.securityContext).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false });
    expect(c.livenessProbe.httpGet.path).toBe('/api/v1/healthz');
    expect(c.readinessProbe.httpGet.path).toBe('/api/v1/readyz');
    expect(c.env.find((e) => e.name === 'MESHGLASS_CONFIG')?.value).toBe('/etc/meshglass/meshglass.yaml');
    expect(pod.spec.volumes.some((v) => v.configMap?.name === one(docs, 'ConfigMap')[0]!.metadata.name)).toBe(true);
    // The rendered config is a valid Meshglass config, in in-cluster mode.
    const cfgText = (one(docs, 'ConfigMap')[0] as unknown as { data: Record<string, string> }).data['meshglass.yaml']!;
    const cfg = configSchema.parse(parse(cfgText));
    expect(cfg.clusters.inCluster?.name).toBe('Kubernetes');
    // The root filesystem is read-only: the history's files must be on the data volume.
    const dataMount = c.volumeMounts.find((m) => m.mountPath === '/var/lib/meshglass');
    expect(dataMount, 'the data volume').toBeDefined();
    expect(cfg.history.dataDir.startsWith('/var/lib/meshglass/')).toBe(true);
  });

  it('grants reads of exactly what Meshglass watches, and port-forward only in the Istio namespace', () => {
    const docs = render();
    type Rule = { apiGroups: string[]; resources: string[]; verbs: string[]; resourceNames?: string[] };
    const rules = (k: string) => one(docs, k).flatMap((d) => (d as unknown as { rules: Rule[] }).rules);
    for (const r of [...rules('ClusterRole'), ...rules('Role')]) {
      const writes = r.verbs.filter((v) => !['get', 'list', 'watch'].includes(v));
      if (writes.length) expect(r.resources, `verbs ${writes.join(',')}`).toEqual(['pods/portforward']);
    }
    const grants = (rs: Rule[], group: string, resource: string) => rs.some((r) => r.apiGroups.includes(group) && (r.resources.includes(resource) || r.resources.includes('*')) && r.verbs.includes('list') && r.verbs.includes('watch'));
    for (const k of builtinKinds()) {
      // Secrets and the mesh ConfigMaps are read in the Istio namespace only: the Role.
      const where = k.role === 'secrets' || k.role === 'meshconfigs' ? rules('Role') : rules('ClusterRole');
      expect(grants(where, k.group, k.plural), `${k.role}: ${k.group}/${k.plural}`).toBe(true);
    }
    expect(rules('ClusterRole').some((r) => r.resources.includes('secrets'))).toBe(false);
    expect(one(docs, 'Role')[0]!.metadata.namespace).toBe('istio-system');
    // Every config group discovery watches (Istio's, Admiral's, Gateway API's) is readable cluster-wide.
    for (const group of CONFIG_GROUPS) expect(grants(rules('ClusterRole'), group, '*'), group).toBe(true);
  });

  it('adds the Ingress and the Secrets it is given', () => {
    const docs = render({ ingress: { enabled: true, host: 'mg.example.com', className: 'nginx', tlsSecretName: 'mg-tls' }, secrets: { session: { existingSecret: 'mg-session' }, oidcClientSecret: { existingSecret: 'mg-oidc' }, database: { existingSecret: 'mg-db' } } });
    const ing = one(docs, 'Ingress')[0] as unknown as { spec: { ingressClassName: string; rules: Array<{ host: string }>; tls: Array<{ secretName: string }> } };
    expect(ing.spec).toMatchObject({ ingressClassName: 'nginx', rules: [{ host: 'mg.example.com' }], tls: [{ secretName: 'mg-tls' }] });
    const text = JSON.stringify(one(docs, 'Deployment')[0]);
    for (const s of ['mg-session', 'mg-oidc', 'mg-db']) expect(text).toContain(s);
  });
});

describe('the container image', () => {
  const dockerfile = readFileSync(path.join(root, 'deploy/container/Dockerfile'), 'utf8');
  const lines = dockerfile.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));

  it('builds in stages and runs Next\'s standalone server as a numeric non-root user with a health check', () => {
    expect(lines.filter((l) => /^FROM\s/i.test(l)).length).toBeGreaterThanOrEqual(2);
    const user = lines.filter((l) => /^USER\s/i.test(l)).at(-1);
    expect(user).toMatch(/^USER\s+[1-9]\d*(:\d+)?$/);
    expect(dockerfile).toMatch(/HEALTHCHECK[\s\S]*\/api\/v1\/healthz/);
    expect(lines.filter((l) => /^(CMD|ENTRYPOINT)\s/i.test(l)).at(-1)).toMatch(/server\.js/);
    expect(dockerfile).toMatch(/npm ci/);
  });
});
