/** JSON Patch (RFC 6902): add, remove, replace, move, copy, test. */
import { KubeApiError } from './errors';

type Json = unknown;
interface Op {
  op: string;
  path: string;
  from?: string;
  value?: Json;
}

const fail = (msg: string): KubeApiError => new KubeApiError(422, 'Invalid', `the server rejected our request due to an error in our request: ${msg}`);

function tokens(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw fail(`invalid JSON pointer ${pointer}`);
  return pointer.slice(1).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function parentOf(doc: Json, pointer: string): { parent: Record<string, Json> | Json[]; key: string } {
  const path = tokens(pointer);
  const key = path.pop();
  if (key === undefined) throw fail('cannot operate on the document root');
  let cur: Json = doc;
  for (const t of path) {
    cur = Array.isArray(cur) ? cur[Number(t)] : (cur as Record<string, Json> | undefined)?.[t];
    if (cur === undefined || cur === null || typeof cur !== 'object') throw fail(`path ${pointer} does not exist`);
  }
  return { parent: cur as Record<string, Json> | Json[], key };
}

function get(doc: Json, pointer: string): Json {
  let cur: Json = doc;
  for (const t of tokens(pointer)) cur = Array.isArray(cur) ? cur[Number(t)] : (cur as Record<string, Json> | undefined)?.[t];
  return cur;
}

function remove(doc: Json, pointer: string): Json {
  const { parent, key } = parentOf(doc, pointer);
  if (Array.isArray(parent)) return parent.splice(Number(key), 1)[0];
  if (!(key in parent)) throw fail(`path ${pointer} does not exist`);
  const v = parent[key];
  delete parent[key];
  return v;
}

function add(doc: Json, pointer: string, value: Json, replace = false): void {
  const { parent, key } = parentOf(doc, pointer);
  if (Array.isArray(parent)) {
    const i = key === '-' ? parent.length : Number(key);
    if (!Number.isInteger(i) || i < 0 || i > parent.length) throw fail(`invalid index ${key}`);
    parent.splice(i, replace ? 1 : 0, value);
  } else {
    if (replace && !(key in parent)) throw fail(`path ${pointer} does not exist`);
    parent[key] = value;
  }
}

/** Applies a JSON Patch to a copy of `doc`. */
export function applyJsonPatch(doc: Json, ops: unknown): Json {
  if (!Array.isArray(ops)) throw fail('a JSON patch must be an array of operations');
  const out = structuredClone(doc);
  for (const o of ops as Op[]) {
    switch (o.op) {
      case 'add':
        add(out, o.path, structuredClone(o.value));
        break;
      case 'replace':
        add(out, o.path, structuredClone(o.value), true);
        break;
      case 'remove':
        remove(out, o.path);
        break;
      case 'move':
        add(out, o.path, remove(out, o.from ?? ''));
        break;
      case 'copy':
        add(out, o.path, structuredClone(get(out, o.from ?? '')));
        break;
      case 'test':
        if (JSON.stringify(get(out, o.path)) !== JSON.stringify(o.value)) throw fail(`test operation failed at ${o.path}`);
        break;
      default:
        throw fail(`unknown JSON patch operation ${String(o.op)}`);
    }
  }
  return out;
}
