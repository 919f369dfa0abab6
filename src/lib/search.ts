/**
 * Hidden search text for an article page, so that a query in one language finds reports in the other:
 * the labels of the components the article reports, and of the people and organisations it names, in
 * every language (indexed by Pagefind, never shown).
 */
import type { ArticleRecord } from './article.ts';
import type { Taxonomy } from './components.ts';

export function searchTerms(article: ArticleRecord, taxonomy: Taxonomy, entityLabels: (id: string) => string[] = () => []): string {
  const present = new Set(article.paragraphs.flatMap((p) => p.sentences.flatMap((s) => s.components)));
  const terms: string[] = [];
  for (const c of taxonomy.components) {
    if (present.has(c.id)) terms.push(c.label.en, c.label.ru, c.label.uk);
  }
  for (const id of mentionedEntities(article)) terms.push(...entityLabels(id));
  return [...new Set(terms)].join(' · ');
}

function mentionedEntities(article: ArticleRecord): string[] {
  const facts = article.facts as { entities?: { id: string }[] } | undefined;
  return [...new Set((facts?.entities ?? []).map((e) => e.id))].sort();
}
