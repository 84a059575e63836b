/** State shared by the request handlers of one simulated API server. */
import type { MemoryClusterStore } from './store';
import type { KubeApiServerOptions, KubeFaults, ResourceType } from './types';

/** One open watch stream, so faults and shutdown can end it. */
export interface OpenWatch {
  /** Ends the stream, optionally after an ERROR event with a 410 Status. */
  end(expired?: boolean): void;
}

export interface ServerContext {
  readonly opts: KubeApiServerOptions;
  readonly store: MemoryClusterStore;
  readonly faults: KubeFaults;
  readonly watches: Set<OpenWatch>;
  readonly bookmarkIntervalMs: number;
  /** `127.0.0.1:<port>` for /api's serverAddressByClientCIDRs. */
  serverAddress(): string;
}

/** A request addressed to a resource type (collection, object or subresource). */
export interface ResourceRequest {
  type: ResourceType;
  /** apiVersion the client asked for (objects are served at it). */
  apiVersion: string;
  namespace?: string;
  name?: string;
  subresource?: string;
  query: URLSearchParams;
}
