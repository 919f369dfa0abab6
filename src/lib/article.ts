/**
 * One seed → one article: everything the ingest knows about an article, computed purely from the seed's
 * bytes and the editor-owned content (component taxonomy, entity gazetteer). The result is what the
 * generated MDX file holds (src/lib/mdx.ts writes it) and what the site reads back.
 */
import { createHash } from 'node:crypto';
import { inferAttribution, inferDateHints } from './attribution.ts';
import { analyzeArticle, type Taxonomy } from './components.ts';
import { articleFeatures, type ArticleFeatures } from './events.ts';
import { extractFacts, type ArticleFacts } from './facts.ts';
import { detectLanguage } from './language.ts';
import { analyseNames, analysePart, type EntityIndex, type NamesAnalysis } from './names.ts';
import { parseSeed, statedDate } from './seed.ts';
import { articleIdFromSeedName, deriveTitle, normalizedTextHash } from './slug.ts';
import type {
  AnalysedParagraph,
  ArticleDocument,
  ArticleKind,
  DateHint,
  Lang,
  Problem,
  Provenance,
} from './types.ts';

/** Everything the site knows about one article: the generated file's front matter plus its paragraphs. */
export interface ArticleRecord {
  id: string;
  /** Seed file name, relative to the seeds folder. */
  seed: string;
  title: string;
  titleSource: 'front-matter' | 'derived';
  date: string | null;
  dateSource: Provenance | null;
  lang: Lang;
  langSource: 'front-matter' | 'detected';
  outlet: string | null;
  outletSource: 'front-matter' | 'inferred' | null;
  url: string | null;
  /** Event slug pinned by the editor, or null to let briefing assign one. */
  event: string | null;
  /** Kind of report from its own wording (refined with the event's date in the site model). */
  kind: ArticleKind;
  /** Component overrides from the seed's front matter, already applied to the paragraphs. */
  overrides: { add: string[]; remove: string[] };
  /** Agencies the article cites (Reuters, Sky News …), as written. */
  sources: string[];
  dateHints: DateHint[];
  features: ArticleFeatures;
  facts: ArticleFacts;
  encoding: string;
  /** sha256 of the seed bytes. */
  seedHash: string;
  /** sha256 of the text with whitespace folded: equal for duplicate seeds. */
  textHash: string;
  paragraphs: AnalysedParagraph[];
}

export interface EditorContent {
  taxonomy: Taxonomy;
  entities: EntityIndex;
}

export interface BuiltArticle {
  record?: ArticleRecord;
  problems: Problem[];
}

/** Parse, analyse and describe one seed. Pure: bytes and editor content in, record and problems out. */
export function buildArticle(seedFile: string, bytes: Uint8Array, content: EditorContent): BuiltArticle {
  const { seed, problems } = parseSeed(seedFile, bytes);
  if (!seed) return { problems };
  const texts = seed.paragraphs.map((p) => p.text);
  const fm = seed.frontMatter;
  const lang: Lang = fm.lang ?? detectLanguage(texts.join('\n')).lang;
  const overrides = { add: fm.components?.add ?? [], remove: fm.components?.remove ?? [] };
  const known = new Set(content.taxonomy.components.map((c) => c.id));
  for (const id of [...overrides.add, ...overrides.remove]) {
    if (!known.has(id)) {
      problems.push({
        severity: 'error',
        file: seedFile,
        message: `front matter names the component "${id}", which content/components.yaml does not define`,
        hint: `use one of: ${[...known].join(', ')}`,
      });
    }
  }
  if (problems.some((p) => p.severity === 'error')) return { problems };

  const analysis = analyzeArticle(seed.paragraphs, lang, content.taxonomy, overrides);
  // Outlet and sources come from the same phrases: find them once.
  const attribution = inferAttribution(texts, lang);
  const outlet = fm.outlet ?? attribution.outlet;
  const stated = statedDate(seed);
  // Names are read per paragraph (event features) and per sentence (facts): each paragraph once.
  const names = texts.map((text) => analyseNames(text, lang, content.entities));
  const record: ArticleRecord = {
    id: articleIdFromSeedName(seedFile),
    seed: seedFile,
    title: fm.title ?? deriveTitle(texts[0] ?? '', lang),
    titleSource: fm.title ? 'front-matter' : 'derived',
    date: stated?.date ?? null,
    dateSource: stated?.provenance ?? null,
    lang,
    langSource: fm.lang ? 'front-matter' : 'detected',
    outlet,
    outletSource: fm.outlet ? 'front-matter' : outlet ? 'inferred' : null,
    url: fm.url ?? null,
    event: fm.event ?? null,
    kind: analysis.kind,
    overrides,
    sources: attribution.sources,
    dateHints: stated ? [] : inferDateHints(texts, lang),
    features: articleFeatures(texts, lang, content.entities, names),
    facts: extractFacts(
      sentencesWithNames(analysis.paragraphs, texts, names, lang, content.entities),
      lang,
      content.entities,
    ),
    encoding: seed.encoding,
    seedHash: createHash('sha256').update(bytes).digest('hex'),
    textHash: normalizedTextHash(texts),
    paragraphs: analysis.paragraphs,
  };
  return { record, problems };
}

/** Each sentence with its names, from those of its paragraph (a sentence is a span of its paragraph). */
function sentencesWithNames(
  paragraphs: readonly AnalysedParagraph[],
  texts: readonly string[],
  names: readonly NamesAnalysis[],
  lang: Lang,
  index: EntityIndex,
): Array<{ id: string; text: string; names: NamesAnalysis }> {
  return paragraphs.flatMap((paragraph, p) => {
    let offset = 0;
    return paragraph.sentences.map((sentence) => {
      const at = offset;
      offset += sentence.text.length + (sentence.trailing?.length ?? 0);
      const sentenceNames = analysePart(texts[p]!, names[p]!, sentence.text, at, lang, index);
      return { id: sentence.id, text: sentence.text, names: sentenceNames };
    });
  });
}

/**
 * The record as the generated file stores it: front matter (everything but paragraphs) + paragraphs.
 * The front matter is the record's own data, not a copy: the record is plain JSON-like data (strings,
 * finite numbers, null, arrays, plain objects), and the MDX writer copies it as JSON would (dropping
 * undefined properties, −0 as 0) and refuses anything else — a JSON round trip here did that work twice.
 */
export function toDocument(record: ArticleRecord): ArticleDocument {
  const { paragraphs, ...frontMatter } = record;
  return { frontMatter, paragraphs };
}
