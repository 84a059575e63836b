'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useMe } from '@/lib/api/workspaces-ui';
import { isActiveNav, NAV_ITEMS, visibleNavItems } from '@/lib/ui/nav';

/** The left navigation; sections the caller's role may not use (per /auth/me) are left out. */
export function SideNav() {
  const pathname = usePathname();
  const me = useMe();
  const items = visibleNavItems(NAV_ITEMS, me.data?.capabilities);
  return (
    <nav aria-label="Main" className="w-52 shrink-0 border-r border-slate-200 bg-white px-3 py-4 dark:border-slate-800 dark:bg-slate-900">
      <ul className="space-y-1">
        {items.map((item) => {
          const active = isActiveNav(item.href, pathname);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                title={item.description}
                aria-current={active ? 'page' : undefined}
                className={`block rounded-md px-3 py-2 text-sm font-medium ${
                  active
                    ? 'bg-sky-100 text-sky-900 dark:bg-sky-900/40 dark:text-sky-200'
                    : 'text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800'
                }`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
