import type { AnalysisContext } from '../../../context';
import { istioFinding, ref } from '../../../finding';
import { list, obj, str, strings } from '../../../spec';
import type { ClusterView, Finding, KubeResource } from '../../../types';
import { labelSelectorMatches } from '../../../label-selector';

const REV = 'istio.io/rev';

interface Hook {
  /** '<configuration>/<webhook>', as Istio names it in messages. */
  id: string;
  config: KubeResource;
  namespaceSelector: unknown;
  objectSelector: unknown;
  service?: { namespace: string; name: string };
}

/** Revisions a configuration serves: its istio.io/rev label and the revisions its selectors ask for. */
function revisionsOf(r: KubeResource, hooks: readonly Record<string, unknown>[]): string[] {
  const revs = new Set<string>();
  if (REV in r.labels) revs.add(r.labels[REV]!);
  for (const h of hooks) {
    for (const sel of [obj(h.namespaceSelector), obj(h.objectSelector)]) {
      if (!sel) continue;
      const byLabel = strings(sel.matchLabels)[REV];
      if (byLabel !== undefined) revs.add(byLabel);
      for (const e of list(sel.matchExpressions).map((x) => obj(x))) {
        if (str(e?.key) === REV) for (const v of list(e?.values)) if (typeof v === 'string') revs.add(v);
      }
    }
  }
  return [...revs];
}

/** The injection webhooks of Istio's MutatingWebhookConfigurations (those tied to a revision or with a webhook named *istio.io), and every revision they serve. */
function istioInjectionHooks(c: ClusterView): { hooks: Hook[]; revisions: Set<string> } {
  const hooks: Hook[] = [];
  const revisions = new Set<string>();
  for (const r of c.resources ?? []) {
    if (r.kind !== 'MutatingWebhookConfiguration') continue;
    const raw = list(r.body.webhooks).map((h) => obj(h) ?? {});
    const revs = revisionsOf(r, raw);
    if (!revs.length && !raw.some((h) => str(h.name)?.endsWith('istio.io'))) continue;
    for (const rev of revs) revisions.add(rev);
    const configName = r.namespace ? `${r.namespace}/${r.name}` : r.name;
    for (const h of raw) {
      const svc = obj(obj(h.clientConfig)?.service);
      hooks.push({
        id: `${configName}/${str(h.name) ?? ''}`, config: r, namespaceSelector: h.namespaceSelector, objectSelector: h.objectSelector,
        ...(svc ? { service: { namespace: str(svc.namespace) ?? '', name: str(svc.name) ?? '' } } : {}),
      });
    }
  }
  return { hooks, revisions };
}

/** The label sets injection is decided on: none, enabled, disabled; each also with every revision. */
function labelSets(key: string, on: string, off: string, revisions: Iterable<string>): Array<Record<string, string>> {
  const base = (): Array<Record<string, string>> => [{}, { [key]: on }, { [key]: off }];
  const out = base();
  for (const rev of revisions) for (const b of base()) out.push({ ...b, [REV]: rev });
  return out;
}

const goList = (items: readonly string[]) => `[${[...items].sort().join(' ')}]`;

/** webhook.Analyzer in one cluster: Istio injection webhooks that overlap (a pod injected twice), or that call a Service that does not exist. */
export function checkWebhooksIn(_ctx: AnalysisContext, c: ClusterView): Finding[] {
  const { hooks, revisions } = istioInjectionHooks(c);
  if (!hooks.length) return [];
  const found = new Map<string, Finding>();
  const report = (h: Hook, message: string, fix: string) => {
    const f = istioFinding('IST0139', [ref(c.name, h.config.kind, h.config.namespace, h.config.name)], [message], fix);
    found.set(f.id, f);
  };
  const byId = new Map(hooks.map((h) => [h.id, h]));
  for (const nsLabels of labelSets('istio-injection', 'enabled', 'disabled', revisions)) {
    for (const podLabels of labelSets('sidecar.istio.io/inject', 'true', 'false', revisions)) {
      const matches = [...new Set(hooks.filter((h) => labelSelectorMatches(h.namespaceSelector, nsLabels) && labelSelectorMatches(h.objectSelector, podLabels)).map((h) => h.id))];
      if (matches.length < 2) continue;
      for (const m of matches) {
        report(byId.get(m)!, `Webhook overlaps with others: ${goList(matches.filter((o) => o !== m))}. This may cause injection to occur twice.`, 'Narrow the webhooks\' namespace and object selectors so that each pod matches one injector (e.g. remove the old revision\'s webhook).');
      }
    }
  }
  // A Service missing from an incomplete cluster's data proves nothing.
  if (c.complete) {
    const services = new Set([...c.services].map((s) => `${s.namespace}/${s.name}`));
    for (const h of hooks) {
      if (!h.service || services.has(`${h.service.namespace}/${h.service.name}`)) continue;
      const name = h.service.namespace ? `${h.service.namespace}/${h.service.name}` : h.service.name;
      report(h, `Injector refers to a control plane service that does not exist: ${name}.`, 'Point the webhook at the istiod Service of an installed revision, or delete the stale webhook configuration.');
    }
  }
  return [...found.values()];
}
