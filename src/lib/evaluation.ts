/**
 * Scoring of the component tagger against hand labels: per-component precision, recall and F1 of
 * presence in an article, status accuracy on the components found and labelled, article-kind accuracy,
 * and a plain-text table of it all. Pure: labels and predictions in, numbers and text out.
 */
import { parse } from 'yaml';
import { eventComponentStatus, ARTICLE_KINDS } from './components.ts';
import { MENTION_STATUSES, type AnalysedParagraph, type ArticleKind, type MentionStatus } from './types.ts';

/** What an article reports: its kind and, per component id, the status the article gives it. */
export interface ArticleReading {
  kind: ArticleKind;
  components: Record<string, MentionStatus>;
}

/** Hand labels: a reading per article file, plus the event date the article belongs to, if any. */
export interface ArticleLabel extends ArticleReading {
  eventDate: string | null;
}

/**
 * Read a labels file: `eventDate` (optional, the default for every article) and `articles`, a mapping
 * of file name to `{ kind, eventDate?, components: { id: status } }`. Throws on a malformed file:
 * labels are test fixtures, a mistake there must stop the evaluation.
 */
export function parseLabels(yamlText: string): Record<string, ArticleLabel> {
  const doc = parse(yamlText) as { eventDate?: string; articles?: Record<string, Record<string, unknown>> };
  const out: Record<string, ArticleLabel> = {};
  for (const [file, raw] of Object.entries(doc?.articles ?? {})) {
    const kind = raw['kind'];
    if (!ARTICLE_KINDS.includes(kind as ArticleKind)) throw new Error(`${file}: kind "${String(kind)}" is not one of ${ARTICLE_KINDS.join(', ')}`);
    const components: Record<string, MentionStatus> = {};
    for (const [id, status] of Object.entries((raw['components'] ?? {}) as Record<string, unknown>)) {
      if (!MENTION_STATUSES.includes(status as MentionStatus)) throw new Error(`${file}: status "${String(status)}" of ${id} is unknown`);
      components[id] = status as MentionStatus;
    }
    const eventDate = (raw['eventDate'] ?? doc.eventDate ?? null) as string | null;
    out[file] = { kind: kind as ArticleKind, components, eventDate };
  }
  return out;
}

/** An analysed article read the way the labels are written: each component with its article status. */
export function readArticle(paragraphs: readonly AnalysedParagraph[], kind: ArticleKind): ArticleReading {
  const mentions = new Map<string, MentionStatus[]>();
  for (const s of paragraphs.flatMap((p) => p.sentences)) {
    for (const c of s.components) mentions.set(c, [...(mentions.get(c) ?? []), s.status ?? 'expected']);
  }
  const components: Record<string, MentionStatus> = {};
  for (const [id, statuses] of [...mentions].sort(([a], [b]) => a.localeCompare(b))) {
    components[id] = eventComponentStatus(statuses.map((status) => ({ status, articleKind: kind })));
  }
  return { kind, components };
}

export interface ComponentScore {
  id: string;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** null when undefined (nothing predicted, or nothing labelled). */
  precision: number | null;
  recall: number | null;
  f1: number | null;
  statusCorrect: number;
  /** Components found and labelled: the base of status accuracy. */
  statusTotal: number;
}

export interface Evaluation {
  components: ComponentScore[];
  /** Micro-average over all components. */
  overall: ComponentScore;
  statusAccuracy: number | null;
  kindCorrect: number;
  articles: number;
  /** Each disagreement, for reading: `file: component expected → got`. */
  errors: string[];
}

function ratio(a: number, b: number): number | null {
  return b === 0 ? null : a / b;
}

function score(id: string, tp: number, fp: number, fn: number, statusCorrect: number): ComponentScore {
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  const f1 = precision === null || recall === null ? null : precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { id, truePositives: tp, falsePositives: fp, falseNegatives: fn, precision, recall, f1, statusCorrect, statusTotal: tp };
}

/** Compare predictions with labels, article by article (articles without a prediction count as empty). */
export function evaluate(
  labels: Record<string, ArticleLabel>,
  predictions: Record<string, ArticleReading>,
  componentIds: readonly string[],
): Evaluation {
  const counts = new Map(componentIds.map((id) => [id, { tp: 0, fp: 0, fn: 0, ok: 0 }]));
  const errors: string[] = [];
  let kindCorrect = 0;
  const files = Object.keys(labels).sort();
  for (const file of files) {
    const gold = labels[file]!;
    const got = predictions[file] ?? { kind: 'outcome', components: {} };
    if (got.kind === gold.kind) kindCorrect++;
    else errors.push(`${file}: kind ${gold.kind} → ${got.kind}`);
    for (const id of componentIds) {
      const c = counts.get(id)!;
      const want = gold.components[id];
      const have = got.components[id];
      if (want && have) {
        c.tp++;
        if (want === have) c.ok++;
        else errors.push(`${file}: ${id} status ${want} → ${have}`);
      } else if (have) {
        c.fp++;
        errors.push(`${file}: ${id} not labelled, found as ${have}`);
      } else if (want) {
        c.fn++;
        errors.push(`${file}: ${id} labelled ${want}, not found`);
      }
    }
  }
  const components = componentIds.map((id) => {
    const c = counts.get(id)!;
    return score(id, c.tp, c.fp, c.fn, c.ok);
  });
  const sum = (f: (s: ComponentScore) => number) => components.reduce((a, s) => a + f(s), 0);
  const overall = score('overall', sum((s) => s.truePositives), sum((s) => s.falsePositives), sum((s) => s.falseNegatives), sum((s) => s.statusCorrect));
  return {
    components,
    overall,
    statusAccuracy: ratio(overall.statusCorrect, overall.statusTotal),
    kindCorrect,
    articles: files.length,
    errors,
  };
}

function cell(value: number | null): string {
  return value === null ? '—' : value.toFixed(2);
}

/** The evaluation as a fixed-width table, with the disagreements listed below it. */
export function formatEvaluation(title: string, e: Evaluation): string {
  const rows = [...e.components, e.overall].map((s) => [
    s.id,
    String(s.truePositives),
    String(s.falsePositives),
    String(s.falseNegatives),
    cell(s.precision),
    cell(s.recall),
    cell(s.f1),
    s.statusTotal === 0 ? '—' : `${s.statusCorrect}/${s.statusTotal}`,
  ]);
  const header = ['component', 'TP', 'FP', 'FN', 'P', 'R', 'F1', 'status'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join('  ');
  return [
    `${title} (${e.articles} articles)`,
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    `status accuracy ${cell(e.statusAccuracy)}   article kind ${e.kindCorrect}/${e.articles}`,
    ...e.errors.map((x) => `  ✗ ${x}`),
  ].join('\n');
}
