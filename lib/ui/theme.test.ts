import { describe, expect, it } from 'vitest';
import { isDark, nextThemeChoice, parseThemeChoice } from './theme';

describe('theme choice', () => {
  it('cycles system -> light -> dark -> system', () => {
    expect(nextThemeChoice('system')).toBe('light');
    expect(nextThemeChoice('light')).toBe('dark');
    expect(nextThemeChoice('dark')).toBe('system');
  });

  it('follows the system only when the choice is system', () => {
    expect(isDark('system', true)).toBe(true);
    expect(isDark('system', false)).toBe(false);
    expect(isDark('light', true)).toBe(false);
    expect(isDark('dark', false)).toBe(true);
  });

  it('treats anything unknown as system', () => {
    expect(parseThemeChoice('purple')).toBe('system');
    expect(parseThemeChoice(null)).toBe('system');
    expect(parseThemeChoice('dark')).toBe('dark');
  });
});
