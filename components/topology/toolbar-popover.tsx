'use client';

import { useEffect, useRef, type ReactNode } from 'react';

export interface ToolbarPopoverProps {
  /** What the summary shows (the control's current value, in words). */
  summary: ReactNode;
  /** Accessible name of the summary when its text alone is not enough. */
  label?: string;
  /** Which edge of the summary the panel lines up with. */
  align?: 'left' | 'right';
  className?: string;
  panelClassName?: string;
  children: ReactNode;
}

/** The look of a toolbar select or button: the filter bars' look (FILTER_CONTROL), a little smaller so one row fits at 1280 px. */
export const TOOL_CONTROL = 'rounded-md border border-slate-300 bg-white px-1.5 py-1 text-[13px] dark:border-slate-700 dark:bg-slate-900';

export const SUMMARY_CLASS =
  'flex cursor-pointer list-none items-center gap-1 whitespace-nowrap rounded-md border border-slate-300 bg-white px-1.5 py-1 text-[13px] hover:bg-slate-50 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800 [&::-webkit-details-marker]:hidden';

/**
 * A toolbar control that opens a panel over the graph rather than pushing it
 * down: a `<details>` (keyboard and screen readers know it), closed by Escape
 * or a click elsewhere.
 */
export function ToolbarPopover({ summary, label, align = 'left', className = '', panelClassName = '', children }: ToolbarPopoverProps) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const close = (e: Event) => {
      const el = ref.current;
      if (!el?.open) return;
      if (e instanceof KeyboardEvent) {
        if (e.key !== 'Escape') return;
        el.open = false;
        el.querySelector('summary')?.focus();
        return;
      }
      if (!el.contains(e.target as Node)) el.open = false;
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', close);
    };
  }, []);
  return (
    <details ref={ref} className={`relative ${className}`}>
      <summary className={SUMMARY_CLASS} aria-label={label}>
        {summary}
        <span aria-hidden="true" className="text-[10px] text-slate-500 dark:text-slate-400">▼</span>
      </summary>
      <div
        className={`absolute top-full z-30 mt-1 rounded-md border border-slate-200 bg-white p-3 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900 ${align === 'right' ? 'right-0' : 'left-0'} ${panelClassName}`}
      >
        {children}
      </div>
    </details>
  );
}
