/** dist/data/events.json: the site model as data (schema in README.md, built by src/lib/export.ts). */
import type { APIRoute } from 'astro';
import { eventsExport } from '../../lib/export.ts';
import { getSiteModel } from '../../model.ts';

export const GET: APIRoute = async () => {
  const model = await getSiteModel();
  return new Response(`${JSON.stringify(eventsExport(model), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
