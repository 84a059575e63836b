'use client';

import { useSyncExternalStore } from 'react';

const MINUTE = 60_000;

function subscribe(onChange: () => void): () => void {
  const timer = setInterval(onChange, 15_000);
  return () => clearInterval(timer);
}
const minuteNow = () => Math.floor(Date.now() / MINUTE) * MINUTE;

/**
 * The current time, to the minute (ms since the epoch): time windows built
 * from it keep one query key for a minute. 0 while rendering on the server
 * and hydrating, where there is no "now" both sides agree on.
 */
export function useMinute(): number {
  return useSyncExternalStore(subscribe, minuteNow, () => 0);
}
