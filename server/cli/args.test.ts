import { describe, expect, it } from 'vitest';
import { parseAnalyzeArgs, UsageError } from './args';

describe('parseAnalyzeArgs', () => {
  it('collects files, clusters (repeated and inline), output and crds', () => {
    const a = parseAnalyzeArgs(['-f', 'a.yaml', '--filename=dir/', '--cluster', 'east=e1', '--cluster=east=e2', '--cluster', 'west=w', '-o', 'json', '--crds', 'c.yaml']);
    expect(a.files).toEqual(['a.yaml', 'dir/']);
    expect([...a.clusters]).toEqual([['east', ['e1', 'e2']], ['west', ['w']]]);
    expect(a.output).toBe('json');
    expect(a.crds).toBe('c.yaml');
  });

  it("takes istioctl's file-mode flags and the listing without files", () => {
    const a = parseAnalyzeArgs(['-f', 'x', '--meshConfigFile', 'mesh.yaml', '--meshNetworksFile=net.yaml', '--no-default-resources', '--pods-from-workloads', '--config-only']);
    expect(a).toMatchObject({ meshConfigFile: 'mesh.yaml', meshNetworksFile: 'net.yaml', noDefaultResources: true, podsFromWorkloads: true, configOnly: true, listAnalyzers: false });
    expect(parseAnalyzeArgs(['--list-analyzers']).listAnalyzers).toBe(true);
    expect(() => parseAnalyzeArgs(['--meshConfigFile'])).toThrow('--meshConfigFile needs a value');
  });

  it('rejects what it cannot understand', () => {
    expect(() => parseAnalyzeArgs([])).toThrow(UsageError);
    expect(() => parseAnalyzeArgs(['-f'])).toThrow('-f needs a value');
    expect(() => parseAnalyzeArgs(['--cluster', 'east'])).toThrow('NAME=PATH');
    expect(() => parseAnalyzeArgs(['-f', 'a', '-o', 'yaml'])).toThrow('unknown output format');
    expect(() => parseAnalyzeArgs(['a.yaml'])).toThrow('unexpected argument');
    expect(parseAnalyzeArgs(['--help']).help).toBe(true);
  });
});
