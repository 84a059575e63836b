import { list, obj, str, stringList, strings } from './spec';

/**
 * Whether a Kubernetes LabelSelector (matchLabels, matchExpressions) matches
 * the labels. A missing selector matches everything; one Kubernetes would
 * reject (not a map, unknown operator, In without values, ...) matches nothing.
 * Shared by the webhook and injection analyzers.
 */
export function labelSelectorMatches(selector: unknown, labels: Readonly<Record<string, string>>): boolean {
  if (selector === undefined || selector === null) return true;
  const s = obj(selector);
  if (!s) return false;
  for (const [k, v] of Object.entries(strings(s.matchLabels))) if (labels[k] !== v) return false;
  for (const raw of list(s.matchExpressions)) {
    const e = obj(raw);
    const key = str(e?.key);
    const values = stringList(e?.values);
    if (!key) return false;
    const has = key in labels;
    switch (str(e?.operator)) {
      case 'In':
        if (!values.length || !has || !values.includes(labels[key]!)) return false;
        break;
      case 'NotIn':
        if (!values.length || (has && values.includes(labels[key]!))) return false;
        break;
      case 'Exists':
        if (values.length || !has) return false;
        break;
      case 'DoesNotExist':
        if (values.length || has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}
