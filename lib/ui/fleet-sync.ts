export type SyncTone = 'ok' | 'busy' | 'bad' | 'unknown';

interface ReadinessLike {
  ready: boolean;
  tried: number;
  total: number;
}

/** The footer's sentence about the fleet's sync state. */
export function describeFleetSync(data: ReadinessLike | undefined, error: unknown, pending: boolean): { text: string; tone: SyncTone } {
  if (pending) return { text: 'Connecting to the Meshglass server…', tone: 'unknown' };
  if (!data) return { text: `Sync state unknown: ${error instanceof Error ? error.message : 'no answer'}`, tone: 'bad' };
  if (data.total === 0) return { text: 'No clusters configured', tone: 'unknown' };
  if (!data.ready) return { text: `Syncing ${data.tried} of ${data.total} clusters…`, tone: 'busy' };
  return { text: `All ${data.total} cluster${data.total === 1 ? '' : 's'} tried`, tone: 'ok' };
}
