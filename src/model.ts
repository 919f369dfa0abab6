/**
 * The site model for the pages: the content collections and the editor-owned YAML, turned into one
 * `SiteModel` by src/lib/briefing.ts. Built once per build (every page shares it).
 */
import { getCollection } from 'astro:content';
import { readFileSync } from 'node:fs';
import type { ArticleRecord } from './lib/article.ts';
import { buildSiteModel, type SiteModel } from './lib/briefing.ts';
import { parseTaxonomy, type Taxonomy } from './lib/components.ts';
import type { EventDef } from './lib/events.ts';
import { parseEntities, type EntityIndex } from './lib/names.ts';
import { uiLangFrom, translator } from './i18n.ts';
import { contentDir } from './settings.ts';

export const uiLang = uiLangFrom(import.meta.env.BRIEFING_UI_LANG ?? process.env.BRIEFING_UI_LANG);
export const t = translator(uiLang);

let taxonomyCache: Taxonomy | undefined;
export function loadTaxonomy(): Taxonomy {
  if (taxonomyCache && !import.meta.env.DEV) return taxonomyCache;
  const text = readFileSync(`${contentDir}/components.yaml`, 'utf8');
  const { taxonomy, problems } = parseTaxonomy(text, 'content/components.yaml');
  if (!taxonomy) throw new Error(problems.map((p) => `${p.file}:${p.line ?? ''} ${p.message} — ${p.hint}`).join('\n'));
  taxonomyCache = taxonomy;
  return taxonomy;
}

let entitiesCache: EntityIndex | undefined;
export function loadEntities(): EntityIndex {
  if (entitiesCache && !import.meta.env.DEV) return entitiesCache;
  const text = readFileSync(`${contentDir}/entities.yaml`, 'utf8');
  const { entities, problems } = parseEntities(text, 'content/entities.yaml');
  if (!entities) throw new Error(problems.map((p) => `${p.file}:${p.line ?? ''} ${p.message} — ${p.hint}`).join('\n'));
  entitiesCache = entities;
  return entities;
}

let cached: Promise<SiteModel> | undefined;

export function getSiteModel(): Promise<SiteModel> {
  // In dev every request rebuilds it, so an edited seed shows up on reload.
  if (!cached || import.meta.env.DEV) cached = load();
  return cached;
}

async function load(): Promise<SiteModel> {
  const [articleEntries, eventEntries] = await Promise.all([getCollection('articles'), getCollection('events')]);
  const events: EventDef[] = eventEntries.map((e) => ({ slug: e.id, ...e.data }));
  const articles = articleEntries.map((e) => e.data as ArticleRecord).sort((a, b) => a.id.localeCompare(b.id));
  return buildSiteModel({ articles, events, taxonomy: loadTaxonomy(), entities: loadEntities() });
}

/** A path inside the site, under the configured base (works when served from a sub-path). */
export function href(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  return base + path.replace(/^\//, '');
}
