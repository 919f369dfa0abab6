/**
 * The bilingual source view: every sentence of every Russian and Ukrainian report about one event, laid out
 * in rows of two columns (ru | uk).
 *
 * Rows come in two parts:
 * 1. Component rows, in the given component order (then any component it does not list, by id): one row per
 *    component holding every ru and every uk sentence tagged with it. A sentence tagged with several
 *    components is a primary entry in the row of its first component (by that order) and a reference
 *    (`primaryIn` names that component) in the rows of the others.
 * 2. Untagged rows: ru and uk sentences paired one to one by cross-language similarity (language-neutral
 *    word keys and their prefixes, numbers, acronyms; weighted by rarity); a sentence without a partner
 *    gets a row of its own, the other side empty.
 *
 * How pairs are chosen, and why:
 * - Articles are linked first: each ru article to its most similar uk articles (found through an inverted
 *   index of keys, so the work grows with the number of articles, not its square), then a maximum spanning
 *   forest of those links is kept. A translated or retold report thus sits next to its counterpart.
 * - Sentences are compared only along forest links, heaviest link first: along each, the non-crossing
 *   pairs of its two articles' still-free sentences with the best total similarity (`bestMonotonePairs`).
 * - A forest plus non-crossing pairs makes "comes before" between rows acyclic, so an order exists in which
 *   every article reads in sequence; `orderRows` finds it.
 *
 * Guarantees: every sentence is a primary entry exactly once; within a row an article's sentences keep their
 * order; across the untagged rows every article's sentences keep their order.
 */
import { crossLingualKeys, skeleton } from './names.ts';
import { LANGS } from './types.ts';
import type { AlignArticle, AlignedRow, Alignment, Lang, SentenceRef } from './types.ts';

/**
 * Below this cosine similarity two sentences are not shown as a pair. Tuned on the seeds: at 0.08 every uk
 * sentence with a counterpart finds it and none is paired wrongly; at 0.12 one true pair (0.085) was lost.
 */
export const MIN_PAIR_SCORE = 0.08;
/**
 * Words two sentences must share to be paired (a word counts once, whether by its key or only its prefix):
 * one word in common, as with a three-word heading, is chance, however high the cosine of so few keys.
 */
const MIN_SHARED_WORDS = 2;
/** Length of the key prefix that stands for a cognate (3 joined unrelated words on the seeds, 5 missed some). */
const PREFIX_LENGTH = 4;
/** Linked articles kept per article, in each direction, before the forest is chosen. */
const ARTICLE_NEIGHBOURS = 5;
/** Postings visited per article in the neighbour search, rarest keys first: bounds the work on big events. */
const POSTINGS_BUDGET = 50_000;

/** Digits, with three-digit groups split by (narrow/no-break) spaces kept as one number: `800 000`. */
const NUMBER = /\d+(?:[ \u00A0\u202F]\d{3}(?!\d))*/g;
const NUMBER_SPACES = /[ \u00A0\u202F]/g;
/** Acronyms as written (США, ООН, РФ): too short for content-word keys, yet strong anchors. */
const ACRONYM = /(?<![\p{L}\p{N}])\p{Lu}{2,5}(?![\p{L}\p{N}])/gu;

/** One sentence of one article, with its keys as sorted ids. */
interface Sentence {
  /** Index of its article in the input. */
  article: number;
  lang: Lang;
  ref: SentenceRef;
  keys: Int32Array;
}

/** An untagged sentence ready for pairing. */
interface Node extends Sentence {
  /** Position among its article's untagged sentences. */
  pos: number;
  /** Length of its binary tf-idf vector. */
  norm: number;
}

/** A link between a ru and a uk article (input indices). */
interface Link {
  ru: number;
  uk: number;
  weight: number;
}

/** Align the reports of one event; see the module header for the layout and its guarantees. */
export function alignBilingual(articles: AlignArticle[], componentOrder: string[]): Alignment {
  const languages = LANGS.filter((lang) => articles.some((a) => a.lang === lang));
  const { sentences, prefixOf } = keySentences(articles);
  const all = sentences.flat();
  const componentRows = buildComponentRows(all, effectiveComponentOrder(componentOrder, all));
  const forest = articleForest(sentences, articles, prefixOf.length);
  const untagged = sentences.map((list) => list.filter((s) => s.ref.components.length === 0));
  return { rows: [...componentRows, ...alignUntagged(untagged, forest, prefixOf)], languages };
}

/** The rows of one component, with the same languages, so the page renders it like the full view. */
export function filterByComponent(alignment: Alignment, componentId: string): Alignment {
  return {
    rows: alignment.rows.filter((row) => row.component === componentId),
    languages: alignment.languages,
  };
}

/** Language-neutral keys of a sentence: content-word keys and their prefixes, numbers, acronyms. */
export function sentenceKeys(text: string, lang: Lang): string[] {
  const keys = new Set<string>();
  for (const key of crossLingualKeys(text, lang)) {
    keys.add(key);
    // A short prefix catches cognates whose endings differ: участник/учасник, евроатлантической/євроатлантичного.
    if (key.length > PREFIX_LENGTH) keys.add(`~${key.slice(0, PREFIX_LENGTH)}`);
  }
  for (const n of text.match(NUMBER) ?? []) keys.add(`#${n.replace(NUMBER_SPACES, '')}`);
  for (const a of text.match(ACRONYM) ?? []) keys.add(`@${skeleton(a)}`);
  return [...keys];
}

// ---------------------------------------------------------------------------------------------------------
// Sentences and component rows

// The keys of a sentence are a pure function of its text and language, and reports repeat sentences (within
// an event and across events: agency copy, boilerplate), so they are memoised; bounded like skeleton's memo
// (about 300 bytes an entry, so at most some 15 MB).
const SENTENCE_KEYS_CACHE_SIZE = 25_000;
const sentenceKeysCache: Record<Lang, Map<string, string[]>> = { ru: new Map(), uk: new Map() };

function cachedSentenceKeys(text: string, lang: Lang): string[] {
  const cache = sentenceKeysCache[lang];
  let keys = cache.get(text);
  if (keys === undefined) {
    if (cache.size >= SENTENCE_KEYS_CACHE_SIZE) cache.clear();
    keys = sentenceKeys(text, lang);
    cache.set(text, keys);
  }
  return keys;
}

/**
 * Every sentence of every article as a reference for the view, with its key ids; and for each key id, the id
 * of its prefix key (or -1), so that a word matched by both counts once.
 */
function keySentences(articles: AlignArticle[]): { sentences: Sentence[][]; prefixOf: Int32Array } {
  const ids = new Map<string, number>();
  const idOf = (key: string): number => {
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = ids.size));
    return id;
  };
  // A repeated text gets the same key ids in this call: share the (read-only) array.
  const keyIds: Record<Lang, Map<string, Int32Array>> = { ru: new Map(), uk: new Map() };
  const keysOf = (text: string, lang: Lang): Int32Array => {
    let keys = keyIds[lang].get(text);
    if (keys === undefined) {
      keys = Int32Array.from(cachedSentenceKeys(text, lang), idOf).sort();
      keyIds[lang].set(text, keys);
    }
    return keys;
  };
  const sentences = articles.map((article, index) =>
    article.paragraphs.flatMap((p) =>
      p.sentences.map((s) => {
        // Most sentences have no component or one: nothing to deduplicate.
        const components = s.components.length < 2 ? [...s.components] : [...new Set(s.components)];
        const ref: SentenceRef = { article: article.id, sentence: s.id, text: s.text, components };
        if (s.status !== undefined) ref.status = s.status;
        return { article: index, lang: article.lang, ref, keys: keysOf(s.text, article.lang) };
      }),
    ),
  );
  const prefixOf = new Int32Array(ids.size).fill(-1);
  for (const [key, id] of ids) {
    const prefix = ids.get(`~${key.slice(0, PREFIX_LENGTH)}`);
    if (prefix !== undefined && prefix !== id) prefixOf[id] = prefix;
  }
  return { sentences, prefixOf };
}

/** The given order without repeats, then components it does not list, by id, so no sentence is lost. */
function effectiveComponentOrder(componentOrder: string[], sentences: Sentence[]): string[] {
  const listed = new Set(componentOrder);
  const unlisted = new Set<string>();
  for (const s of sentences) for (const c of s.ref.components) if (!listed.has(c)) unlisted.add(c);
  return [...listed, ...[...unlisted].sort()];
}

/** One row per component that has sentences; the row of a sentence's first component holds it as primary. */
function buildComponentRows(sentences: Sentence[], order: string[]): AlignedRow[] {
  const rank = new Map(order.map((c, i) => [c, i]));
  const rows = new Map<string, AlignedRow>(order.map((c) => [c, { component: c, ru: [], uk: [], score: 0 }]));
  for (const s of sentences) {
    if (s.ref.components.length === 0) continue; // most sentences: nothing to sort or place
    const mine = [...s.ref.components].sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
    const primary = mine[0];
    for (const c of mine) rows.get(c)?.[s.lang].push(c === primary ? s.ref : { ...s.ref, primaryIn: primary });
  }
  const filled = [...rows.values()].filter((row) => row.ru.length + row.uk.length > 0);
  // Aligned by tag: full score when both languages report the component.
  for (const row of filled) row.score = row.ru.length > 0 && row.uk.length > 0 ? 1 : 0;
  return filled;
}

// ---------------------------------------------------------------------------------------------------------
// Weights and similarity

/**
 * The squared inverse document frequency of each key id over some key sets (sentences or articles), for ids
 * 0..idCount-1: log(1 + sets / sets holding it), squared, as binary tf-idf products need it. Ids past the
 * largest one held weigh 0, as ids absent from every set would.
 */
function squaredIdf(keySets: Int32Array[], idCount: number): Float64Array {
  const df = new Int32Array(idCount);
  let length = 0;
  for (const keys of keySets) {
    for (const id of keys) {
      df[id] = (df[id] as number) + 1;
      if (id >= length) length = id + 1;
    }
  }
  const squared = new Float64Array(idCount);
  for (let id = 0; id < length; id++) squared[id] = Math.log(1 + keySets.length / ((df[id] as number) || 1)) ** 2;
  return squared;
}

function vectorLength(keys: Int32Array, squared: Float64Array): number {
  let sum = 0;
  for (const id of keys) sum += squared[id] as number;
  return Math.sqrt(sum);
}

/** Key ids two sorted key-id lists share (a linear merge). */
function sharedKeys(a: Int32Array, b: Int32Array): number[] {
  const shared: number[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      shared.push(x);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared;
}

/**
 * Cosine similarity of two binary tf-idf vectors given as sorted key ids: the same merge as `sharedKeys`,
 * summing as it goes (no list built; this runs for every sentence pair compared).
 */
function cosine(a: Int32Array, aLength: number, b: Int32Array, bLength: number, squared: Float64Array): number {
  let dot = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      dot += squared[x] as number;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return dot === 0 ? 0 : dot / (aLength * bLength);
}

/** How many words shared keys stand for: a word's key and its prefix key count once. */
function sharedWordCount(shared: number[], prefixOf: Int32Array): number {
  const covered = new Set(shared.map((id) => prefixOf[id] ?? -1));
  return shared.filter((id) => !covered.has(id)).length;
}

// ---------------------------------------------------------------------------------------------------------
// Linking articles

/**
 * The ru–uk article links allowed to hold sentence pairs: a maximum spanning forest over each article's
 * nearest articles of the other language (by all its sentences' keys).
 */
function articleForest(sentences: Sentence[][], articles: AlignArticle[], idCount: number): Link[] {
  // Each article's distinct key ids, sorted: a stamp per id marks those already taken for this article.
  const stamp = new Int32Array(idCount).fill(-1);
  const keySets = sentences.map((list, article) => {
    const keys: number[] = [];
    for (const s of list) {
      for (const id of s.keys) {
        if (stamp[id] === article) continue;
        stamp[id] = article;
        keys.push(id);
      }
    }
    return Int32Array.from(keys).sort();
  });
  const squared = squaredIdf(keySets, idCount);
  const lengths = keySets.map((keys) => vectorLength(keys, squared));
  const byLang = (lang: Lang): number[] => articles.flatMap((a, i) => (a.lang === lang ? [i] : []));
  const ru = byLang('ru');
  const uk = byLang('uk');
  const links = new Map<number, Link>();
  const link = (r: number, u: number): void => {
    const id = r * articles.length + u;
    if (links.has(id)) return;
    const weight = cosine(keySets[r] as Int32Array, lengths[r] ?? 0, keySets[u] as Int32Array, lengths[u] ?? 0, squared);
    links.set(id, { ru: r, uk: u, weight });
  };
  for (const [r, u] of nearestArticles(keySets, squared, ru, uk)) link(r, u);
  for (const [u, r] of nearestArticles(keySets, squared, uk, ru)) link(r, u);
  return spanningForest([...links.values()], articles.length);
}

/**
 * For each query article, the few target articles sharing the most weight of its rarer keys.
 * The hot loop of big events (thousands of queries, up to POSTINGS_BUDGET postings each), hence flat typed
 * arrays: postings of key k are `postings[start[k] .. start[k + 1])`, target indices in ascending order.
 */
function nearestArticles(keySets: Int32Array[], squared: Float64Array, queries: number[], targets: number[]) {
  const idCount = squared.length;
  const start = new Int32Array(idCount + 1);
  for (const t of targets) for (const key of keySets[t] ?? []) start[key + 1] = (start[key + 1] as number) + 1;
  for (let k = 0; k < idCount; k++) start[k + 1] = (start[k + 1] as number) + (start[k] as number);
  const postings = new Int32Array(start[idCount] as number);
  const end = start.slice(0, idCount); // fill position of each list; its end once filled
  targets.forEach((t, index) => {
    for (const key of keySets[t] ?? []) {
      const at = end[key] as number;
      postings[at] = index;
      end[key] = at + 1;
    }
  });
  const weight = new Float64Array(targets.length);
  const touched = new Int32Array(targets.length);
  const best = new Int32Array(ARTICLE_NEIGHBOURS);
  // Heavier first, then the earlier target: the order in which the first ARTICLE_NEIGHBOURS are kept.
  const before = (a: number, b: number): boolean =>
    (weight[a] as number) > (weight[b] as number) || ((weight[a] as number) === (weight[b] as number) && a < b);
  const found: Array<[number, number]> = [];
  for (const q of queries) {
    // The query's keys that some target holds, shortest postings list first (then by key id, as listed).
    const lists = (keySets[q] ?? new Int32Array(0)).filter((key) => (end[key] as number) > (start[key] as number));
    lists.sort((a, b) => (end[a] as number) - (start[a] as number) - ((end[b] as number) - (start[b] as number)) || a - b);
    let budget = POSTINGS_BUDGET;
    let touchedCount = 0;
    for (const key of lists) {
      const from = start[key] as number;
      const to = end[key] as number;
      if (to - from > budget) break;
      budget -= to - from;
      const w = squared[key] as number;
      for (let p = from; p < to; p++) {
        const index = postings[p] as number;
        if (weight[index] === 0) touched[touchedCount++] = index;
        weight[index] = (weight[index] as number) + w;
      }
    }
    // The first ARTICLE_NEIGHBOURS touched targets in `before` order, by insertion: no sort of all touched.
    let kept = 0;
    for (let t = 0; t < touchedCount; t++) {
      const index = touched[t] as number;
      if (kept === ARTICLE_NEIGHBOURS && !before(index, best[kept - 1] as number)) continue;
      let at = kept < ARTICLE_NEIGHBOURS ? kept++ : kept - 1;
      while (at > 0 && before(index, best[at - 1] as number)) {
        best[at] = best[at - 1] as number;
        at--;
      }
      best[at] = index;
    }
    for (let k = 0; k < kept; k++) found.push([q, targets[best[k] as number] as number]);
    for (let t = 0; t < touchedCount; t++) weight[touched[t] as number] = 0;
  }
  return found;
}

/** Kruskal: the heaviest links that join articles not yet connected. */
function spanningForest(links: Link[], articleCount: number): Link[] {
  const parent = Array.from({ length: articleCount }, (_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  const sorted = [...links].sort((a, b) => b.weight - a.weight || a.ru - b.ru || a.uk - b.uk);
  return sorted.filter((l) => {
    const a = root(l.ru);
    const b = root(l.uk);
    if (a === b) return false;
    parent[a] = b;
    return true;
  });
}

// ---------------------------------------------------------------------------------------------------------
// Pairing sentences

/** Pair the untagged sentences along the forest and lay them out in rows that keep every article's order. */
function alignUntagged(untagged: Sentence[][], forest: Link[], prefixOf: Int32Array): AlignedRow[] {
  const squared = squaredIdf(untagged.flat().map((s) => s.keys), prefixOf.length);
  const nodes: Node[] = [];
  const sequences = untagged.map((list) =>
    list.map((s, pos) => nodes.push({ ...s, pos, norm: vectorLength(s.keys, squared) }) - 1),
  );
  const similarity = (r: number, u: number): number => {
    const a = nodes[r] as Node;
    const b = nodes[u] as Node;
    const score = cosine(a.keys, a.norm, b.keys, b.norm, squared);
    const enough = score >= MIN_PAIR_SCORE && sharedWordCount(sharedKeys(a.keys, b.keys), prefixOf) >= MIN_SHARED_WORDS;
    return enough ? score : 0;
  };
  const { partner, score } = matchAlongForest(nodes.length, sequences, forest, similarity);
  return orderRows(sequences, partner).map((members) => {
    const row: AlignedRow = { component: null, ru: [], uk: [], score: 0 };
    for (const m of members) {
      const node = nodes[m] as Node;
      row[node.lang].push(node.ref);
      row.score = score[m] ?? 0;
    }
    return row;
  });
}

/**
 * Links heaviest first; along each, the best non-crossing pairs of the two articles' sentences still free.
 * Returns each sentence's partner (or -1) and the pair's score (0 when alone).
 */
function matchAlongForest(
  count: number,
  sequences: number[][],
  forest: Link[],
  similarity: (ru: number, uk: number) => number,
) {
  const partner = new Int32Array(count).fill(-1);
  const score = new Float64Array(count);
  const free = (id: number): boolean => partner[id] === -1;
  for (const link of forest) {
    const ru = (sequences[link.ru] ?? []).filter(free);
    const uk = (sequences[link.uk] ?? []).filter(free);
    for (const [r, u, s] of bestMonotonePairs(ru, uk, similarity)) {
      partner[r] = u;
      partner[u] = r;
      score[r] = score[u] = s;
    }
  }
  return { partner, score };
}

/**
 * The pairs of two sequences with the largest total similarity such that no two pairs cross (a sequence
 * alignment, by dynamic programming); pairs below MIN_PAIR_SCORE are not allowed. Returned in order.
 * Best total rather than best-first greedy: one middling pair may not block two good ones after it.
 */
export function bestMonotonePairs(
  ru: number[],
  uk: number[],
  similarity: (ru: number, uk: number) => number,
): Array<[number, number, number]> {
  const width = uk.length + 1;
  const total = new Float64Array((ru.length + 1) * width);
  const sim = new Float64Array((ru.length + 1) * width);
  for (let i = 1; i <= ru.length; i++) {
    for (let j = 1; j <= uk.length; j++) {
      const s = similarity(ru[i - 1] as number, uk[j - 1] as number);
      sim[i * width + j] = s;
      let best = Math.max(total[(i - 1) * width + j] as number, total[i * width + j - 1] as number);
      if (s >= MIN_PAIR_SCORE) best = Math.max(best, (total[(i - 1) * width + j - 1] as number) + s);
      total[i * width + j] = best;
    }
  }
  const pairs: Array<[number, number, number]> = [];
  for (let i = ru.length, j = uk.length; i > 0 && j > 0; ) {
    const here = total[i * width + j] as number;
    const s = sim[i * width + j] as number;
    if (s >= MIN_PAIR_SCORE && here === (total[(i - 1) * width + j - 1] as number) + s) {
      pairs.push([ru[i - 1] as number, uk[j - 1] as number, s]);
      i--;
      j--;
    } else if (here === total[(i - 1) * width + j]) i--;
    else j--;
  }
  return pairs.reverse();
}

// ---------------------------------------------------------------------------------------------------------
// Laying out rows

/**
 * Rows (single items, or an item with its partner) in an order that keeps every sequence's order.
 * Items are the ids 0..partner.length-1, each in exactly one sequence; `partner[item]` is its partner or -1.
 * Sequences are walked in input order; before a pair is placed, the items preceding the partner in the
 * partner's sequence are placed first, so readers see each report in sequence with its counterpart's
 * sentences interleaved where they match. Throws when crossing pairs leave no such order (alignBilingual
 * never makes such pairs).
 */
export function orderRows(sequences: number[][], partner: ArrayLike<number>): number[][] {
  const sequenceOf = new Int32Array(partner.length);
  const positionOf = new Int32Array(partner.length);
  sequences.forEach((seq, s) =>
    seq.forEach((item, p) => {
      sequenceOf[item] = s;
      positionOf[item] = p;
    }),
  );
  const next = sequences.map(() => 0); // per sequence: position of its first item not yet placed
  const isPlaced = (item: number): boolean => (next[sequenceOf[item] as number] as number) > (positionOf[item] as number);
  const membersOf = (item: number): number[] => (partner[item] === -1 ? [item] : [item, partner[item] as number]);
  const firstUnplacedBefore = (item: number): number | undefined => {
    for (const m of membersOf(item)) {
      const s = sequenceOf[m] as number;
      const first = next[s] as number;
      if (first < (positionOf[m] as number)) return sequences[s]?.[first];
    }
    return undefined;
  };
  const pending = new Uint8Array(partner.length); // on the stack, waiting for an earlier item
  const rows: number[][] = [];
  for (const start of sequences.flat()) {
    const stack = [start];
    while (stack.length > 0) {
      const item = stack[stack.length - 1] as number;
      if (isPlaced(item)) {
        stack.pop();
        continue;
      }
      const blocker = firstUnplacedBefore(item);
      if (blocker !== undefined) {
        if (pending[blocker]) throw new Error('orderRows: crossing pairs leave no order that keeps every sequence');
        for (const m of membersOf(item)) pending[m] = 1;
        stack.push(blocker);
        continue;
      }
      stack.pop();
      const members = membersOf(item);
      rows.push(members);
      for (const m of members) next[sequenceOf[m] as number] = (positionOf[m] as number) + 1;
    }
  }
  return rows;
}
