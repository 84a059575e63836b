'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState } from 'react';
import { useGlobalSearch } from '@/lib/api/ui-search';
import { moveActive, searchHits } from '@/lib/ui/search-results';

/** True when a key press should not be taken as a shortcut (the user is typing). */
function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

/** The global search: '/' or Ctrl/Cmd-K focuses it; arrows move through clusters, services, workloads and config; Enter opens. */
export function SearchBox() {
  const input = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const router = useRouter();
  const listId = useId();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const { sources, loading } = useGlobalSearch(q);
  const hits = searchHits(q, sources);

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

  function go(i: number) {
    const hit = hits[i];
    if (!hit) return;
    setOpen(false);
    input.current?.blur();
    router.push(hit.href);
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      setActive(moveActive(active, e.key === 'ArrowDown' ? 1 : -1, hits.length));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      go(active >= 0 ? active : 0);
    } else if (e.key === 'Escape') {
      setOpen(false);
    }
  }

  const showList = open && q.trim().length > 0;
  return (
    <div role="search" className="relative w-full max-w-md">
      <input
        ref={input}
        type="search"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(-1);
          clearTimeout(timer.current);
          const v = e.target.value;
          timer.current = setTimeout(() => setQ(v), 200);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        aria-label="Search clusters, services, workloads and config"
        aria-controls={showList ? listId : undefined}
        aria-activedescendant={showList && active >= 0 ? `${listId}-${active}` : undefined}
        aria-autocomplete="list"
        placeholder="Search the fleet…"
        className="w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 pr-14 text-sm placeholder:text-slate-500 focus:border-brand-500 focus:outline-none dark:border-slate-700 dark:bg-slate-900"
      />
      <kbd className="pointer-events-none absolute right-2 top-1/2 -translate-y-1/2 rounded border border-slate-300 px-1.5 text-xs text-slate-500 dark:border-slate-600">/</kbd>
      {showList ? (
        <ul id={listId} role="listbox" aria-label="Search results" className="absolute inset-x-0 top-full z-50 mt-1 max-h-96 overflow-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900">
          {hits.map((h, i) => (
            <li
              key={`${h.kind}:${h.href}:${h.label}`}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                go(i);
              }}
              className={`cursor-pointer px-3 py-1.5 ${i === active ? 'bg-brand-500/15' : 'hover:bg-slate-100 dark:hover:bg-slate-800'}`}
            >
              <span className="font-medium">{h.label}</span> <span className="text-xs text-slate-500 dark:text-slate-400">{h.detail}</span>
            </li>
          ))}
          {hits.length === 0 ? <li role="option" aria-selected={false} aria-disabled="true" className="px-3 py-1.5 text-slate-500">{loading ? 'Searching…' : `Nothing in the fleet matches “${q}”`}</li> : null}
        </ul>
      ) : null}
    </div>
  );
}
