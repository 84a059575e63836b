'use client';

import { useEffect, useRef } from 'react';

/** True when a key press should not be taken as a shortcut (the user is typing). */
function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

/** The global search field; '/' or Ctrl/Cmd-K focuses it from anywhere. */
export function SearchBox() {
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      const modK = (e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k';
      if (modK || (e.key === '/' && !isTyping(e.target))) {
        e.preventDefault();
        input.current?.focus();
        input.current?.select();
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div role="search" className="relative w-full max-w-md">
      <input
        ref={input}
        type="search"
        aria-label="Search clusters, services, workloads and config"
        placeholder="Search the fleet…"
        className="w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 pr-14 text-sm placeholder:text-slate-400 focus:border-brand-500 focus:outline-none dark:border-slate-700 dark:bg-slate-900"
      />
      <kbd className="pointer-events-none absolute right-2 top-1/2 -translate-y-1/2 rounded border border-slate-300 px-1.5 text-xs text-slate-500 dark:border-slate-600">
        /
      </kbd>
    </div>
  );
}
