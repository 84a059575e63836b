import { describe, expect, it } from 'vitest';
import { runToEnd } from '@/lib/topology/paced';
import { parsePromAnswer } from './prom-answer-parse';

/** A vector answer of n series with hostile label values (quotes, braces, the break text itself). */
function answer(n: number, extra = ''): string {
  const result = Array.from({ length: n }, (_, i) => ({
    metric: { __name__: 'istio_requests_total', source_workload: `wl-${i}`, odd: i % 7 === 0 ? '},{"metric":{"x":"y"}' : `"{[${i}]}"`, metric: 'a label named metric' },
    value: [1_700_000_000 + i, String(i / 3)],
  }));
  return `{"status":"success","data":{"resultType":"vector","result":${JSON.stringify(result)}}${extra}}`;
}

describe('parsePromAnswer', () => {
  it('gives what JSON.parse gives, in pieces, for a large answer with hostile labels and warnings', () => {
    const body = answer(14_000, ',"warnings":["one"],"infos":["two"]');
    expect(body.length).toBeGreaterThan(2 * 1024 * 1024);
    const paced = parsePromAnswer(body);
    let pauses = 0;
    let r = paced.next();
    for (; !r.done; r = paced.next()) pauses++;
    expect(r.value).toEqual(JSON.parse(body));
    expect(pauses).toBeGreaterThan(4);
  });

  it('parses small and empty answers in one piece', () => {
    for (const body of [answer(3), '{"status":"success","data":{"resultType":"vector","result":[]}}']) expect(runToEnd(parsePromAnswer(body))).toEqual(JSON.parse(body));
  });

  it('a matrix answer and an answer with a label named metric first parse the same', () => {
    const result = Array.from({ length: 6_000 }, (_, i) => ({ metric: { metric: `m${i}`, a: '},{"metric":' }, values: [[1, '1'], [2, String(i)]] }));
    const body = JSON.stringify({ status: 'success', data: { resultType: 'matrix', result } });
    expect(runToEnd(parsePromAnswer(body))).toEqual(JSON.parse(body));
  });

  it('throws as JSON.parse does for a body that is not JSON, whole or cut', () => {
    const good = answer(14_000);
    expect(() => runToEnd(parsePromAnswer(good.slice(0, good.length - 1000)))).toThrow(SyntaxError);
    expect(() => runToEnd(parsePromAnswer('<html>bad gateway</html>'))).toThrow(SyntaxError);
  });
});
