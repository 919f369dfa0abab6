import { readFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { parse } from 'yaml';
import { buildSiteModel } from './src/lib/briefing.ts';
import { parseTaxonomy } from './src/lib/components.ts';
import { parseEntities } from './src/lib/names.ts';
const C = '/tmp/bw10k2/n10000/content', P = '/tmp/bw10k2/n10000/cache/briefing-parsed';
const keys = new Set(readdirSync(P));
const articles = readdirSync(`${C}/articles`).filter((f) => f.endsWith('.mdx')).sort().map((f) => {
  const key = createHash('sha256').update(readFileSync(`${C}/articles/${f}`, 'utf8')).digest('hex');
  const doc = JSON.parse(readFileSync(`${P}/${key}.json`, 'utf8'));
  return { ...doc.frontMatter, paragraphs: doc.paragraphs };
});
const events = readdirSync(`${C}/events`).map((f) => ({ slug: f.replace(/\.mdx$/, ''), ...parse(readFileSync(`${C}/events/${f}`, 'utf8').split('---')[1]!) }));
const taxonomy = parseTaxonomy(readFileSync(`${C}/components.yaml`, 'utf8'), 'c').taxonomy!;
const entities = parseEntities(readFileSync(`${C}/entities.yaml`, 'utf8'), 'e').entities!;
let t = performance.now();
const model = buildSiteModel({ articles, events: events as any, taxonomy, entities });
console.log('model ms', (performance.now() - t).toFixed(0), 'events', model.events.length);
t = performance.now();
let total = 0; const parts: Record<string, number> = {};
for (const e of model.events) {
  const own = { ...e, prev: undefined, next: undefined, alignment: undefined };
  total += JSON.stringify(own).length;
  for (const k of Object.keys(own)) parts[k] = (parts[k] ?? 0) + (JSON.stringify((own as any)[k]) ?? '').length;
}
console.log('stringify ms', (performance.now() - t).toFixed(0), 'MB', (total / 1e6).toFixed(1));
console.log(Object.entries(parts).map(([k, v]) => `${k} ${(v / 1e6).toFixed(1)}`).join(', '));
