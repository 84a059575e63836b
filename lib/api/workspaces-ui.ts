import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { meSchema, shareLinkSchema, workspaceListSchema, type Me, type ShareLink } from '../access/api';
import { withCsrfRetry } from './csrf-retry';
import { fetchJson } from './fetch-json';
import { qk } from './query-keys';


const shareLinkListSchema = z.object({ items: z.array(shareLinkSchema) });
/** POST /api/v1/share-links: the token is in this answer only. */
export const createdShareLinkSchema = z.object({ link: shareLinkSchema, token: z.string(), path: z.string() });
export type CreatedShareLink = z.infer<typeof createdShareLinkSchema>;

/** State-changing calls carry the CSRF token from /auth/me (docs/access.md, CSRF). */
const mutate = (me: Me, method: 'POST' | 'DELETE', body?: unknown): RequestInit => ({
  method,
  headers: { 'x-csrf-token': me.csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});

export const fetchMe = () => fetchJson('/api/v1/auth/me', meSchema);
export const fetchWorkspaces = () => fetchJson('/api/v1/workspaces', workspaceListSchema);
export const fetchShareLinks = () => fetchJson('/api/v1/share-links', shareLinkListSchema);

/** Who the browser is (user, role, capabilities, CSRF token); fetched once per page load and kept. */
export function useMe() {
  return useQuery({ queryKey: qk.access.me, queryFn: fetchMe, staleTime: 60_000 });
}

/**
 * Whether the caller holds a capability in some workspace (undefined until
 * /auth/me answers): views ask for config or proxies only when the server
 * would give them, instead of collecting 403s. The server still enforces.
 */
export function useCapability(cap: keyof Me['capabilities']): boolean | undefined {
  return useMe().data?.capabilities[cap];
}

/** The workspaces the caller is bound to, with its role in each. */
export function useWorkspaces() {
  return useQuery({ queryKey: qk.access.workspaces, queryFn: fetchWorkspaces });
}

/** Unexpired share links of the workspaces the caller may share; only asked when it may. */
export function useShareLinks(enabled: boolean) {
  return useQuery({ queryKey: qk.access.shareLinks, queryFn: fetchShareLinks, enabled });
}

type ShareLinkList = z.infer<typeof shareLinkListSchema>;

/**
 * Cache handling shared by create and revoke: an in-flight list fetch started
 * before the change would answer without it (react-query joins a first fetch
 * rather than restarting it), so cancel it first, put the changed link in the
 * cache, and fetch again.
 */
function useShareLinkCache() {
  const qc = useQueryClient();
  return {
    onMutate: () => qc.cancelQueries({ queryKey: qk.access.shareLinks }),
    put: (link: ShareLink) => qc.setQueryData<ShareLinkList>(qk.access.shareLinks, (old) => ({ items: [...(old?.items ?? []).filter((l) => l.id !== link.id), link] })),
    onSettled: () => qc.invalidateQueries({ queryKey: qk.access.shareLinks }),
  };
}

/** /auth/me read again past the cache: a fresh CSRF token after a stale one was refused. */
function useRefreshMe(): () => Promise<Me> {
  const qc = useQueryClient();
  return () => qc.fetchQuery({ queryKey: qk.access.me, queryFn: fetchMe, staleTime: 0 });
}

/** Creates a read-only link to a workspace; the answer holds the token, shown once. */
export function useCreateShareLink(me: Me | undefined) {
  const cache = useShareLinkCache();
  const refreshMe = useRefreshMe();
  return useMutation({
    mutationFn: (p: { workspace: string; ttlHours: number }) => {
      if (!me) throw new Error('who you are is not known yet');
      return withCsrfRetry(me, refreshMe, (m) => fetchJson('/api/v1/share-links', createdShareLinkSchema, mutate(m, 'POST', p)));
    },
    onMutate: cache.onMutate,
    onSuccess: (created) => cache.put(created.link),
    onSettled: cache.onSettled,
  });
}

/** Revokes a share link by id. */
export function useRevokeShareLink(me: Me | undefined) {
  const cache = useShareLinkCache();
  const refreshMe = useRefreshMe();
  return useMutation({
    mutationFn: (id: string) => {
      if (!me) throw new Error('who you are is not known yet');
      return withCsrfRetry(me, refreshMe, (m) => fetchJson(`/api/v1/share-links/${encodeURIComponent(id)}`, z.object({ link: shareLinkSchema }), mutate(m, 'DELETE')));
    },
    onMutate: cache.onMutate,
    onSuccess: (res) => cache.put(res.link),
    onSettled: cache.onSettled,
  });
}

/** Signs out: clears the session; the answer may name the provider's end-session URL. */
export function logout(me: Me, refreshMe: () => Promise<Me> = fetchMe) {
  return withCsrfRetry(me, refreshMe, (m) => fetchJson('/api/v1/auth/logout', z.object({ endSessionUrl: z.string().optional() }).passthrough(), mutate(m, 'POST')));
}
