import { describe, expect, it } from 'vitest';
import { clusterOf, ctxOf, messages } from '../../../test-helpers';
import { checkServiceEntryProtocolsIn } from './serviceentry-protocols';

const entry = (name: string, ns: string, protocol: string, exportTo = '') => `---
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: ${name}, namespace: ${ns}}
spec: {hosts: [api.example.com], ports: [{number: 8443, name: p, protocol: ${protocol}}]${exportTo ? `, exportTo: ${exportTo}` : ''}}
`;
const run = (yaml: string) => {
  const c = clusterOf('c', yaml);
  return messages(checkServiceEntryProtocolsIn(ctxOf([c]), c));
};

describe('checkServiceEntryProtocolsIn', () => {
  it('fires IST0177 on each ServiceEntry giving a host and port another protocol', () => {
    const msg = 'IST0177 Multiple ServiceEntries (a/http, b/https) define the same host "api.example.com" and port 8443 with conflicting protocols (HTTP, HTTPS).';
    expect(run(entry('https', 'b', 'HTTPS') + entry('http', 'a', 'HTTP'))).toEqual([msg, msg]);
    // One exported to its own namespace meets one exported everywhere.
    expect(run(entry('https', 'b', 'HTTPS', '["."]') + entry('http', 'a', 'HTTP'))).toHaveLength(2);
  });

  it('is quiet for the same protocol in any case, and for exportTo scopes that do not meet', () => {
    expect(run(entry('x', 'a', 'HTTPS') + entry('y', 'b', 'https'))).toEqual([]);
    expect(run(entry('x', 'a', 'HTTP', '["."]') + entry('y', 'b', 'HTTPS', '["."]'))).toEqual([]);
  });
});
