import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderGoFormat } from './go-format';
import { ISTIO_MESSAGES } from './istio-messages';
import { istioFinding, ref } from './finding';

const at = [ref('c1', 'VirtualService', 'default', 'reviews')];

describe('renderGoFormat', () => {
  it('renders %s %v %q %d and lists as Go prints them', () => {
    expect(renderGoFormat('%s|%v|%q|%d|%%', ['a', [1, 2], 'x"y', 7])).toBe('a|[1 2]|"x\\"y"|7|%');
    expect(renderGoFormat('%q', [['a', 'b']])).toBe('["a" "b"]');
    expect(renderGoFormat('%s %s', ['only'])).toBe('only %!s(MISSING)');
  });
});

describe('Istio message catalogue', () => {
  it('holds analysis-messages.yaml exactly, every entry', () => {
    const file = path.resolve(__dirname, '../../server/vendor/istio/analysis-messages.yaml');
    const doc = parse(readFileSync(file, 'utf8')) as { messages: Array<{ code: string; name: string; level: string; template: string; args?: Array<{ name: string }> }> };
    expect(Object.keys(ISTIO_MESSAGES).sort()).toEqual(doc.messages.map((x) => x.code).sort());
    for (const [code, m] of Object.entries(ISTIO_MESSAGES)) {
      const src = doc.messages.find((x) => x.code === code);
      expect(src, code).toBeDefined();
      expect({ name: m.name, level: m.level, template: m.template, args: [...m.args] }).toEqual({ name: src!.name, level: src!.level, template: src!.template, args: (src!.args ?? []).map((a) => a.name) });
    }
  });

  it('renders templates exactly as istioctl does', () => {
    expect(istioFinding('IST0101', at, ['host', 'reviews'], '').message).toBe('Referenced host not found: "reviews"');
    expect(istioFinding('IST0112', at, ['reviews', [9080, 9081]], '').message).toBe('This VirtualService routes to a service "reviews" that exposes multiple ports [9080 9081]. Specifying a port in the destination is required to disambiguate.');
    expect(istioFinding('IST0118', at, ['foo', 80, '8080'], '').message).toBe("Port name foo (port: 80, targetPort: 8080) doesn't follow the naming convention of Istio port.");
    expect(istioFinding('IST0170', at, ['reviews', 'bookinfo', ['c1', 'c2'], 'service type is inconsistent'], '').message).toBe('The service reviews in namespace "bookinfo" is inconsistent across clusters ["c1" "c2"], which can lead to undefined behaviors. The inconsistent behaviors are: service type is inconsistent.');
    expect(istioFinding('IST0132', at, [['a.com', 'b.com'], 'ns/vs', 'ns/gw'], '').message).toBe('one or more host [a.com b.com] defined in VirtualService ns/vs not found in Gateway ns/gw.');
    const f = istioFinding('IST0173', at, ['v9'], 'fix');
    expect(f).toMatchObject({ code: 'IST0173', name: 'DestinationRuleSubsetNotSelectPods', level: 'Error', clusters: ['c1'], fix: 'fix' });
    expect(f.id).toBe(istioFinding('IST0173', at, ['v9'], 'fix').id);
  });
});
