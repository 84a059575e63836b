/** The little of oidc-provider's API the e2e provider uses (the package ships no types). */
declare module 'oidc-provider' {
  import type { Server } from 'node:http';

  interface Account {
    accountId: string;
    claims(): Record<string, unknown>;
  }
  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown> & { findAccount?: (ctx: unknown, id: string) => Account | Promise<Account> });
    listen(port: number, host: string, cb: () => void): Server;
  }
}
