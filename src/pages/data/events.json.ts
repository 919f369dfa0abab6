/** dist/data/events.json: the site model as data (schema in README.md, built by src/lib/export.ts). */
import type { APIRoute } from 'astro';
import { eventsExportText } from '../../lib/export.ts';
import { getSiteModel } from '../../model.ts';

export const GET: APIRoute = async () => {
  const model = await getSiteModel();
  // An event at a time, so the whole text never exists as one string (80 MB at 10,000 articles).
  const pieces = eventsExportText(model);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = pieces.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  return new Response(body, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
