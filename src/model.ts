/**
 * The site model for the pages: the content collections and the editor-owned YAML, turned into one
 * `SiteModel` by src/lib/briefing.ts. Built once per build (every page shares it).
 */
import { getCollection } from 'astro:content';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleRecord } from './lib/article.ts';
import { buildSiteModel, type EventModel, type SiteModel } from './lib/briefing.ts';
import { parseTaxonomy, type Taxonomy } from './lib/components.ts';
import type { EventDef } from './lib/events.ts';
import { parseEntities, type EntityIndex } from './lib/names.ts';
import { uiLangFrom, translator } from './i18n.ts';
import { cacheDir, contentDir } from './settings.ts';
import { planPages, SITE_KEY_ENV } from './pipeline/reuse.ts';
import { alignmentCache, alignOnThreads, type AlignJob } from './pipeline/alignment-cache.ts';
import { parsedCacheDir, readParsedByKey, takeParsed } from './pipeline/parsed-cache.ts';
import { parseArticle } from './lib/mdx.ts';
import type { Alignment, Problem } from './lib/types.ts';
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
  const articles = articleEntries.map((e) => readArticle(e.id, e.data.parsed)).sort((a, b) => a.id.localeCompare(b.id));
  // Built with the events' bilingual views empty, then filled all at once: aligning them is most of the model's
  // time, and new ones are aligned on two threads when there are many (src/pipeline/alignment-cache.ts).
  const jobs: AlignJob[] = [];
  const views: Alignment[] = [];
  const model = buildSiteModel({
    articles,
    events,
    taxonomy: loadTaxonomy(),
    entities: loadEntities(),
    align: (reports, componentOrder) => {
      jobs.push({ articles: reports, componentOrder });
      const view: Alignment = { rows: [], languages: [] };
      views.push(view);
      return view;
    },
  });
  // Built by `npm run build` (which sets the site key): the views of unchanged events come from the last build.
  const siteKey = process.env[SITE_KEY_ENV];
  const cache = siteKey ? alignmentCache(join(cacheDir, 'briefing-alignments'), siteKey) : undefined;
  const aligned = cache ? await cache.alignAll(jobs, ALIGN_WORKER) : await alignOnThreads(jobs, ALIGN_WORKER);
  aligned.forEach((view, i) => Object.assign(views[i]!, view));
  cache?.prune();
  return model;
}

/**
 * The worker thread's module, from the project root: the site model runs inside Astro's bundle, away from its
 * source. scripts/build.ts runs Astro in the project root; elsewhere, if it is not found, one thread aligns.
 */
const ALIGN_WORKER = join(process.cwd(), 'src/pipeline/align-worker.ts');

/** An article's paragraphs → the sha256 of the file they were read from (the parse cache's key). */
const paragraphsSource = new WeakMap<ArticleRecord['paragraphs'], string>();

/**
 * An article as an input of a page key (src/pipeline/reuse.ts): the hash of the file its paragraphs were read
 * from stands for them. They are most of what an article holds (60 of the 95 MB the event keys serialised at
 * 10,000 articles), and the file determines them.
 */
export function forPageKey<T extends Pick<ArticleRecord, 'paragraphs'>>(article: T): Omit<T, 'paragraphs'> & { paragraphs: unknown } {
  return { ...article, paragraphs: paragraphsSource.get(article.paragraphs) ?? article.paragraphs };
}

/** An article as the content loader checked it, from the parse cache (or its file, if the cache was cleared). */
function readArticle(id: string, key: string): ArticleRecord {
  const file = `${contentDir}/articles/${id}.mdx`;
  const doc = takeParsed(key) ?? readParsedByKey(parsedCacheDir(cacheDir), key) ?? parseArticle(readFileSync(file, 'utf8'), file);
  paragraphsSource.set(doc.paragraphs, key);
  return { ...doc.frontMatter, paragraphs: doc.paragraphs } as unknown as ArticleRecord;
}

/** A generated event's title is made of its articles' own words: the language to mark it with. */
export function eventTitleLang(event: EventModel): 'ru' | 'uk' | undefined {
  return event.generated ? (event.reportCounts.uk > event.reportCounts.ru ? 'uk' : 'ru') : undefined;
}

const digests = new WeakMap<EventModel, string>();
/**
 * sha256 of everything known about an event but its neighbours, once per build: the pages of a big event (its page, the
 * bilingual view, one view per component) share it as their key's input instead of serialising it each.
 */
export function eventDigest(event: EventModel): string {
  let digest = digests.get(event);
  if (digest === undefined) {
    // Its neighbours are left out: only the event page shows them, and it adds their titles to its key. So is
    // the bilingual view: it is made from the event's articles (in here) by code the site key covers, and it
    // would double what is hashed.
    const own = { ...event, articles: event.articles.map(forPageKey), prev: undefined, next: undefined, alignment: undefined };
    digests.set(event, (digest = createHash('sha256').update(JSON.stringify(own)).digest('hex')));
  }
  return digest;
}

/** What a page shows of an event it links to (EventTitle): for the keys of src/pipeline/reuse.ts. */
export const eventLink = (event: EventModel) => ({ slug: event.slug, title: event.title, lang: eventTitleLang(event) });

/**
 * `getStaticPaths` of the event pages: the pages whose values changed since the last build
 * (src/pipeline/reuse.ts) — the event, and the titles of the events before and after it.
 */
export async function eventPaths() {
  const model = await getSiteModel();
  const bySlug = new Map(model.events.map((e) => [e.slug, e]));
  const link = (slug: string | null) => (slug === null ? null : eventLink(bySlug.get(slug)!));
  const events = planPages(cacheDir, 'event', model.events, (event) => ({
    path: `events/${event.slug}`,
    inputs: { event: eventDigest(event), prev: link(event.prev), next: link(event.next) },
  }));
  return events.map((event) => ({ params: { slug: event.slug }, props: { event } }));
}

/** A path inside the site, under the configured base (works when served from a sub-path). */
export function href(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  return base + path.replace(/^\//, '');
}
