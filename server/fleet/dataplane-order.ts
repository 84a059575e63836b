import 'server-only';
import type { DataplaneSummary } from '@/lib/fleet/dataplane';

/** The order distinct modes are listed in (a service row's `dataplanes`). */
export const DATAPLANE_SUMMARIES: readonly DataplaneSummary[] = ['sidecar', 'ambient', 'none', 'mixed'];
