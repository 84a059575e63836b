'use client';

import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { fleetChangeSchema } from '../fleet/events';
import { invalidationPrefixes, reconnectDelayMs } from '../ui/fleet-events';

/** What the live indicator shows. */
export interface FleetEventsState {
  status: 'connecting' | 'live' | 'offline';
  /** The last fleet revision the stream reported. */
  revision?: number;
  /** When the last change arrived (ms since epoch). */
  lastChangeAt?: number;
}

const SERVER_STATE: FleetEventsState = { status: 'connecting' };

/**
 * One EventSource per tab, shared by every consumer (ref-counted): invalidates
 * react-query caches by key prefix and reconnects with backoff when the browser gives up.
 */
class FleetEventsConnection {
  state: FleetEventsState = { status: 'connecting' };
  private listeners = new Set<() => void>();
  private source?: EventSource;
  private failures = 0;
  private timer?: ReturnType<typeof setTimeout>;
  private everLive = false;

  constructor(private readonly client: QueryClient) {}

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    if (this.listeners.size === 1) this.open();
    return () => {
      this.listeners.delete(fn);
      if (this.listeners.size === 0) this.close();
    };
  };

  private set(next: Partial<FleetEventsState>) {
    this.state = { ...this.state, ...next };
    for (const fn of this.listeners) fn();
  }

  private open() {
    const es = new EventSource('/api/v1/events');
    this.source = es;
    es.onopen = () => {
      this.failures = 0;
      this.set({ status: 'live' });
    };
    // A fresh connection (not a browser resume) may have missed changes: refetch what is shown.
    es.addEventListener('hello', (ev) => {
      if (this.everLive) void this.client.invalidateQueries();
      this.everLive = true;
      this.onChange(ev as MessageEvent<string>, false);
    });
    es.addEventListener('reset', (ev) => {
      void this.client.invalidateQueries();
      this.onChange(ev as MessageEvent<string>, false);
    });
    es.onmessage = (ev) => this.onChange(ev, true);
    es.onerror = () => {
      if (es.readyState === EventSource.CLOSED) {
        this.failures++;
        this.set({ status: 'offline' });
        this.timer = setTimeout(() => this.open(), reconnectDelayMs(this.failures));
      } else {
        this.set({ status: 'connecting' });
      }
    };
  }

  private onChange(ev: MessageEvent<string>, invalidate: boolean) {
    let parsed;
    try {
      parsed = fleetChangeSchema.safeParse(JSON.parse(ev.data));
    } catch {
      return;
    }
    if (!parsed.success) return;
    if (invalidate) for (const queryKey of invalidationPrefixes(parsed.data.keys)) void this.client.invalidateQueries({ queryKey });
    this.set({ status: 'live', revision: parsed.data.revision, lastChangeAt: invalidate ? Date.now() : this.state.lastChangeAt });
  }

  private close() {
    clearTimeout(this.timer);
    this.source?.close();
    this.source = undefined;
  }
}

const connections = new WeakMap<QueryClient, FleetEventsConnection>();
function connectionFor(client: QueryClient): FleetEventsConnection {
  let c = connections.get(client);
  if (!c) connections.set(client, (c = new FleetEventsConnection(client)));
  return c;
}

/** Subscribes to /api/v1/events while mounted; returns live/offline and the last revision. */
export function useFleetEvents(): FleetEventsState {
  const conn = connectionFor(useQueryClient());
  return useSyncExternalStore(conn.subscribe, () => conn.state, () => SERVER_STATE);
}
