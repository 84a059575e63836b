import Link from 'next/link';
import { SearchBox } from './search-box';
import { ThemeToggle } from './theme-toggle';
import { UserMenu } from './user-menu';

export function AppHeader() {
  return (
    <header className="flex h-14 items-center gap-6 border-b border-slate-200 bg-white px-4 dark:border-slate-800 dark:bg-slate-900">
      <Link href="/" className="flex items-center gap-2 text-lg font-semibold tracking-tight">
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-6 w-6 text-brand-500">
          <path fill="currentColor" d="M12 2 3 7v10l9 5 9-5V7l-9-5Zm0 2.3 6.8 3.8L12 11.9 5.2 8.1 12 4.3ZM5 9.8l6 3.4v6.5l-6-3.4V9.8Zm8 9.9v-6.5l6-3.4v6.5l-6 3.4Z" />
        </svg>
        Meshglass
      </Link>
      <div className="flex flex-1 justify-center">
        <SearchBox />
      </div>
      <UserMenu />
      <ThemeToggle />
    </header>
  );
}
