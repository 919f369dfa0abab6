/**
 * Hidden search text for an article page, so that a query in one language finds reports in the other:
 * the labels of the components the article reports, and of the people and organisations it names, in
 * every language (indexed by Pagefind, never shown).
 *
 * `entityTerms` may also return the gazetteer's variants (`Виткофф*`): a trailing `*` is dropped, so the
 * base form is indexed. That matters beyond recall: Pagefind answers a word it has not indexed with the
 * results of a shorter prefix of it (Виткофф → every page with the word «в»), so every spelling a reader
 * may type should be in the index.
 */
import type { ArticleRecord } from './article.ts';
import type { Taxonomy } from './components.ts';

export function searchTerms(article: ArticleRecord, taxonomy: Taxonomy, entityTerms: (id: string) => string[] = () => []): string {
  const present = new Set(article.paragraphs.flatMap((p) => p.sentences.flatMap((s) => s.components)));
  const terms: string[] = [];
  for (const c of taxonomy.components) {
    if (present.has(c.id)) terms.push(c.label.en, c.label.ru, c.label.uk);
  }
  for (const id of mentionedEntities(article)) terms.push(...entityTerms(id).map(baseForm));
  // One of each, case aside (a variant often repeats a label: Reuters, США).
  const seen = new Set<string>();
  return terms.filter((t) => t !== '' && !seen.has(t.toLowerCase()) && seen.add(t.toLowerCase())).join(' · ');
}

/** A gazetteer variant as a plain phrase: `Парижск* клуб*` → `Парижск клуб`. */
function baseForm(term: string): string {
  return term.replace(/\*(?=\s|$)/g, '').trim();
}

function mentionedEntities(article: ArticleRecord): string[] {
  const facts = article.facts as { entities?: { id: string }[] } | undefined;
  return [...new Set((facts?.entities ?? []).map((e) => e.id))].sort();
}
