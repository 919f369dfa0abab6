/** dist/data/events.json: the site model as data (schema in README.md, built by src/lib/export.ts). */
import type { APIRoute } from 'astro';
import { eventsExportPieces } from '../../lib/export.ts';
import { eventDigest, getSiteModel } from '../../model.ts';
import { exportBytes, exportReuse } from '../../pipeline/export-reuse.ts';
import { SITE_KEY_ENV } from '../../pipeline/reuse.ts';
import { cacheDir } from '../../settings.ts';

export const GET: APIRoute = async () => {
  const model = await getSiteModel();
  // In a rebuild by scripts/build.ts, the events that did not change are copied from the last export.
  const siteKey = process.env[SITE_KEY_ENV];
  const reuse = siteKey ? exportReuse(cacheDir, siteKey) : undefined;
  // An event at a time, so the whole text never exists as one string (80 MB at 10,000 articles).
  const pieces = eventsExportPieces(model, reuse && ((event) => reuse.reused(eventDigest(event))));
  const bytes = exportBytes(pieces, reuse, eventDigest);
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = bytes.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
  });
  return new Response(body, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
