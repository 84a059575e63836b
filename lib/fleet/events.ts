import { z } from 'zod';

/** One message of the /api/v1/events SSE stream: the fleet revision and the keys it touched ('services/bookinfo/reviews'). */
export const fleetChangeSchema = z.object({ revision: z.number().int(), keys: z.array(z.string()) });
export type FleetChange = z.infer<typeof fleetChangeSchema>;
