import { apiRoute } from '@/server/http/api-route';
import { fleetEventStream } from '@/server/fleet/events';

export const dynamic = 'force-dynamic';

/** Server-sent fleet changes: id = revision, data = {revision, keys}; resume with Last-Event-ID. */
export const GET = apiRoute('events', (req, ctx) => {
  const stream = fleetEventStream(ctx.app.model, ctx.scope, { lastEventId: req.headers.get('last-event-id'), signal: req.signal });
  return new Response(stream, {
    headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' },
  });
});
