'use client';

// First, for code paths (tests, tools) that render the providers without instrumentation-client.ts.
import '@/lib/zod-jitless';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { LOGIN_REDIRECT_KEY, loginUrl, mayRedirect } from '@/lib/api/auth-redirect';
import { ApiRequestError } from '@/lib/api/fetch-json';

/**
 * A 401 means the session is missing or expired (oidc, header mode; never in
 * anonymous mode): send the browser to log in, once. If the login comes
 * straight back to a 401, the guard stops the loop and the views show the error.
 */
function onAuthError(err: unknown): void {
  if (!(err instanceof ApiRequestError) || err.status !== 401 || typeof window === 'undefined') return;
  // A revoked or expired share link is no session to renew: the stakeholder sees the reason instead.
  if (err.code === 'bad_share_link') return;
  let last: string | null = null;
  try {
    last = window.sessionStorage.getItem(LOGIN_REDIRECT_KEY);
    if (!mayRedirect(Date.now(), last)) return;
    window.sessionStorage.setItem(LOGIN_REDIRECT_KEY, String(Date.now()));
  } catch {
    // No storage (privacy mode): without a guard, do not redirect at all rather than risk a loop.
    return;
  }
  window.location.assign(loginUrl(window.location));
}

function makeQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: onAuthError }),
    mutationCache: new MutationCache({ onError: onAuthError }),
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        // 401/403/404 will not change by asking again; network and 5xx might.
        retry: (count, err) => count < 3 && (!(err instanceof ApiRequestError) || err.retryable),
      },
    },
  });
}

export function QueryProvider({ children }: { children: ReactNode }) {
  const [client] = useState(makeQueryClient);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
