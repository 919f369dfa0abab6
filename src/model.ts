/**
 * The site model for the pages: the content collections and the editor-owned YAML, turned into one
 * `SiteModel` by src/lib/briefing.ts. Built once per build (every page shares it).
 */
import { getCollection } from 'astro:content';
import { readFileSync } from 'node:fs';
import type { ArticleRecord } from './lib/article.ts';
import { buildSiteModel, type EventModel, type SiteModel } from './lib/briefing.ts';
import { parseTaxonomy, type Taxonomy } from './lib/components.ts';
import type { EventDef } from './lib/events.ts';
import { parseEntities, type EntityIndex } from './lib/names.ts';
import { uiLangFrom, translator } from './i18n.ts';
import { contentDir } from './settings.ts';
import type { Problem } from './lib/types.ts';
import { formatProblem } from './pipeline/report.ts';

export const uiLang = uiLangFrom(import.meta.env.BRIEFING_UI_LANG ?? process.env.BRIEFING_UI_LANG);
export const t = translator(uiLang);

/**
 * An editor-owned YAML file of content/, parsed once per build (re-read on every request in dev).
 * The ingest has already reported any problem in it with file and line; here a problem stops the build.
 */
function editorFile<T>(name: string, parse: (text: string, file: string) => { value?: T; problems: Problem[] }): () => T {
  let cache: T | undefined;
  return () => {
    if (cache !== undefined && !import.meta.env.DEV) return cache;
    const { value, problems } = parse(readFileSync(`${contentDir}/${name}`, 'utf8'), `content/${name}`);
    if (value === undefined) throw new Error(problems.map(formatProblem).join('\n'));
    cache = value;
    return value;
  };
}

export const loadTaxonomy = editorFile<Taxonomy>('components.yaml', (text, file) => {
  const { taxonomy, problems } = parseTaxonomy(text, file);
  return { value: taxonomy, problems };
});

export const loadEntities = editorFile<EntityIndex>('entities.yaml', (text, file) => {
  const { entities, problems } = parseEntities(text, file);
  return { value: entities, problems };
});

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

/** A generated event's title is made of its articles' own words: the language to mark it with. */
export function eventTitleLang(event: EventModel): 'ru' | 'uk' | undefined {
  return event.generated ? (event.reportCounts.uk > event.reportCounts.ru ? 'uk' : 'ru') : undefined;
}

/** `getStaticPaths` of the pages made once per event (event page, bilingual view). */
export async function eventPaths() {
  const model = await getSiteModel();
  return model.events.map((event) => ({ params: { slug: event.slug }, props: { event } }));
}

/** A path inside the site, under the configured base (works when served from a sub-path). */
export function href(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  return base + path.replace(/^\//, '');
}
