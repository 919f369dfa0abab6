/**
 * The `cacheKey` of an article page for Astro's incremental build: equal key, equal page. It covers the
 * record and what the page shows of its event and of the editor YAML (labels, spellings: read from disk,
 * outside the module graph Astro hashes). A generated event's title takes its language from the report
 * counts, so those count only for generated events — adding a report to a defined event re-renders none
 * of its other articles.
 */
import { createHash } from 'node:crypto';
import type { ArticleRecord } from './article.ts';
import type { UiLang } from './types.ts';

export interface PageEvent {
  slug: string;
  title: unknown;
  generated: boolean;
  reportCounts: unknown;
}

export function articlePageKey(article: ArticleRecord, event: PageEvent, uiLang: UiLang, editorYamlDigest: string): string {
  return createHash('sha256')
    .update(JSON.stringify([article, event.slug, event.title, event.generated, event.generated ? event.reportCounts : null, uiLang]))
    .update(editorYamlDigest)
    .digest('hex');
}
