import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfigText } from './parse-config';

function problemsOf(text: string): string[] {
  try {
    parseConfigText(text, '/etc/meshglass.yaml');
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  throw new Error('expected the config to be rejected');
}

describe('parseConfigText', () => {
  it('fills defaults for an empty file', () => {
    const config = parseConfigText('', 'x.yaml');
    expect(config.log.level).toBe('info');
    expect(config.clusters.kubeconfigs).toEqual([]);
    expect(config.clusters.staleAfterSeconds).toBe(60);
  });

  it('accepts a kubeconfig source and fills its defaults', () => {
    const config = parseConfigText('clusters:\n  kubeconfigs:\n    - path: ./k.yaml\n', 'x.yaml');
    expect(config.clusters.kubeconfigs[0]).toEqual({ path: './k.yaml', contexts: ['*'], exclude: [], overrides: {} });
  });

  it('names the field path and the expected type of a wrong value', () => {
    const problems = problemsOf('clusters:\n  kubeconfigs:\n    - path: 42\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^clusters\.kubeconfigs\.0\.path: .*expected string/i);
  });

  it('rejects an unknown field instead of ignoring it', () => {
    const problems = problemsOf('clusters:\n  staleAfterSecs: 5\n');
    expect(problems[0]).toBe('clusters: unknown field "staleAfterSecs"');
  });

  it('rejects a value outside the allowed set', () => {
    expect(problemsOf('log:\n  level: loud\n')[0]).toMatch(/^log\.level: /);
  });

  it('reports YAML syntax errors with the file name', () => {
    expect(() => parseConfigText('clusters: [\n', '/etc/meshglass.yaml')).toThrow(/\/etc\/meshglass\.yaml[\s\S]*YAML/);
  });
});

describe('telemetry config', () => {
  it('defaults to no telemetry', () => {
    expect(parseConfigText('', 'x.yaml').telemetry.mode).toBe('none');
  });

  it('accepts a global endpoint with its cluster label', () => {
    const t = parseConfigText('telemetry:\n  mode: global\n  global:\n    url: http://127.0.0.1:9090\n    clusterLabel: k8s_cluster\n', 'x.yaml').telemetry;
    expect(t.global).toMatchObject({ url: 'http://127.0.0.1:9090', clusterLabel: 'k8s_cluster' });
  });

  it('requires the global endpoint in global mode', () => {
    expect(problemsOf('telemetry:\n  mode: global\n')[0]).toMatch(/^telemetry\.global: mode "global" needs/);
  });

  it('rejects a cluster label that is not a Prometheus label name', () => {
    expect(problemsOf('telemetry:\n  mode: global\n  global:\n    url: http://p:9090\n    clusterLabel: "a-b"\n')[0]).toMatch(/^telemetry\.global\.clusterLabel/);
  });

  it('rejects a non-http URL per cluster', () => {
    expect(problemsOf('telemetry:\n  perCluster:\n    c1:\n      url: ftp://x\n')[0]).toMatch(/^telemetry\.perCluster\.c1\.url/);
  });
});
