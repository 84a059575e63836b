import 'server-only';

/** `host:port/database` of a PostgreSQL URL, for messages: never the user's password. */
export function describeDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    const host = u.hostname || 'localhost';
    const port = u.port || '5432';
    const db = decodeURIComponent(u.pathname.replace(/^\//, '')) || decodeURIComponent(u.username) || 'postgres';
    return `${host}:${port}/${db}`;
  } catch {
    return 'an unparsable database URL';
  }
}

/** `text` with the URL's password and any `scheme://user:secret@` credentials masked, for errors that may echo them. */
export function redactCredentials(text: string, url?: string): string {
  let out = text.replace(/(\w+:\/\/[^:/@\s]*):[^@\s]*@/g, '$1:***@');
  if (url) {
    try {
      const raw = new URL(url).password;
      // Short passwords are left alone: masking every "a" would garble the message and hide nothing.
      for (const pw of new Set([raw, decodeURIComponent(raw)])) if (pw.length >= 3) out = out.split(pw).join('***');
    } catch {
      // an unparsable URL carries no password we could find
    }
  }
  return out;
}
