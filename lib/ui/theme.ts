/** The user's colour-scheme choice; 'system' follows prefers-color-scheme. */
export type ThemeChoice = 'system' | 'light' | 'dark';

export const THEME_STORAGE_KEY = 'meshglass-theme';
export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

/** Next choice when the toggle is pressed: system -> light -> dark -> system. */
export function nextThemeChoice(current: ThemeChoice): ThemeChoice {
  const i = THEME_CHOICES.indexOf(current);
  return THEME_CHOICES[(i + 1) % THEME_CHOICES.length] ?? 'system';
}

/** Whether the page should be dark for a choice and the system preference. */
export function isDark(choice: ThemeChoice, systemPrefersDark: boolean): boolean {
  return choice === 'dark' || (choice === 'system' && systemPrefersDark);
}

export function parseThemeChoice(value: string | null | undefined): ThemeChoice {
  return value === 'light' || value === 'dark' ? value : 'system';
}
