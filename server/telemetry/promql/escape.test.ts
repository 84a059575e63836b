import { describe, expect, it } from 'vitest';
import { labelName, promString, regexLiteral, renderMatcher, renderSelector } from './escape';

describe('promString', () => {
  it('quotes plain values unchanged', () => {
    expect(promString('reviews')).toBe('"reviews"');
  });

  it('escapes quotes so a value cannot close the string and add matchers', () => {
    const hostile = 'x",destination_cluster=~".*';
    expect(promString(hostile)).toBe('"x\\",destination_cluster=~\\".*"');
  });

  it('escapes backslashes before quotes', () => {
    expect(promString('a\\"b')).toBe('"a\\\\\\"b"');
  });

  it('escapes newlines, tabs and other control characters', () => {
    expect(promString('a\nb\tc\rd\u0001e\u007f')).toBe('"a\\nb\\tc\\rd\\x01e\\x7f"');
  });

  it('keeps unicode', () => {
    expect(promString('zürich-1')).toBe('"zürich-1"');
  });
});

describe('regexLiteral', () => {
  it('escapes every RE2 metacharacter', () => {
    expect(regexLiteral('a.b*c+d?e(f)g|h[i]j{k}l^m$n\\o')).toBe('a\\.b\\*c\\+d\\?e\\(f\\)g\\|h\\[i\\]j\\{k\\}l\\^m\\$n\\\\o');
  });
});

describe('renderMatcher', () => {
  it('renders an exact alternation whose members cannot widen the match', () => {
    const m = renderMatcher({ label: 'destination_cluster', op: '=~', values: ['us-east-1', '.*'] });
    expect(m).toBe('destination_cluster=~"us-east-1|\\\\.\\\\*"');
  });

  it('rejects a label name that is not an identifier', () => {
    expect(() => labelName('cluster"} or vector(1) #')).toThrow(/invalid Prometheus label name/);
    expect(() => renderMatcher({ label: 'a-b', op: '=', value: 'x' })).toThrow();
  });

  it('renders a selector', () => {
    expect(renderSelector([{ label: 'reporter', op: '=', value: 'destination' }, { label: 'response_code', op: '=~', pattern: '5..' }])).toBe(
      '{reporter="destination",response_code=~"5.."}',
    );
    expect(renderSelector([])).toBe('{}');
  });
});
