'use client';

export interface ErrorPanelProps {
  title?: string;
  message: string;
  onRetry?: () => void;
}

/** An error with the server's reason and a way to try again. */
export function ErrorPanel({ title = 'Something went wrong', message, onRetry }: ErrorPanelProps) {
  return (
    <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4 text-sm dark:border-red-900 dark:bg-red-950/40">
      <p className="font-medium text-red-800 dark:text-red-300">{title}</p>
      <p className="mt-1 text-red-700 dark:text-red-400">{message}</p>
      {onRetry ? (
        <button type="button" onClick={onRetry} className="mt-3 rounded-md border border-red-400 px-3 py-1 text-red-800 hover:bg-red-100 dark:text-red-300 dark:hover:bg-red-900/40">
          Try again
        </button>
      ) : null}
    </div>
  );
}
