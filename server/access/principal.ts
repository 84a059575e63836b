import 'server-only';

/** Who is asking, as an authenticator established it. No tokens: only what bindings need. */
export type Principal =
  | { kind: 'anonymous' }
  | { kind: 'user'; via: 'header' | 'oidc'; id: string; name?: string; groups: readonly string[]; sessionId?: string; expiresAt?: number }
  | { kind: 'share'; linkId: string; workspace: string; expiresAt: number };

/** The name an audit line records for a principal. */
export function principalLabel(p: Principal): string {
  switch (p.kind) {
    case 'anonymous':
      return 'anonymous';
    case 'user':
      return p.id;
    case 'share':
      return `share:${p.linkId}`;
  }
}
