'use client';

import { useEffect, useSyncExternalStore } from 'react';
import { isDark, nextThemeChoice, parseThemeChoice, THEME_STORAGE_KEY, type ThemeChoice } from '@/lib/ui/theme';

const LABELS: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };
const ICONS: Record<ThemeChoice, string> = { system: '◐', light: '☀', dark: '☾' };
const CHANGE_EVENT = 'meshglass-theme-change';

// The saved choice lives in localStorage; other tabs report changes through 'storage'.
function subscribe(onChange: () => void): () => void {
  window.addEventListener('storage', onChange);
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => {
    window.removeEventListener('storage', onChange);
    window.removeEventListener(CHANGE_EVENT, onChange);
  };
}
const readChoice = (): ThemeChoice => parseThemeChoice(localStorage.getItem(THEME_STORAGE_KEY));
const serverChoice = (): ThemeChoice => 'system';

function applyTheme(choice: ThemeChoice): void {
  const systemDark = window.matchMedia('(prefers-color-scheme: dark)').matches;
  document.documentElement.classList.toggle('dark', isDark(choice, systemDark));
  document.documentElement.dataset.theme = choice;
}

/** Cycles system / light / dark; 'system' keeps following the OS while the page is open. */
export function ThemeToggle() {
  const choice = useSyncExternalStore(subscribe, readChoice, serverChoice);

  useEffect(() => {
    applyTheme(choice);
    if (choice !== 'system') return;
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const follow = () => applyTheme('system');
    media.addEventListener('change', follow);
    return () => media.removeEventListener('change', follow);
  }, [choice]);

  function cycle() {
    localStorage.setItem(THEME_STORAGE_KEY, nextThemeChoice(choice));
    window.dispatchEvent(new Event(CHANGE_EVENT));
  }

  return (
    <button
      type="button"
      onClick={cycle}
      aria-label={`Colour theme: ${LABELS[choice]}. Switch to ${LABELS[nextThemeChoice(choice)]}`}
      data-testid="theme-toggle"
      data-theme-choice={choice}
      className="inline-flex items-center gap-1.5 rounded-md border border-slate-300 px-2.5 py-1 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-500 dark:border-slate-700 dark:hover:bg-slate-800"
    >
      <span aria-hidden="true">{ICONS[choice]}</span>
      {LABELS[choice]}
    </button>
  );
}
