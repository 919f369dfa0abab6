/**
 * `npm run check`: validate every seed and every content file without building the site, and list the
 * events briefing grouped by itself (unreviewed), so an editor can name them in content/events/.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { ArticleRecord } from '../lib/article.ts';
import { buildSiteModel, type EventModel } from '../lib/briefing.ts';
import { ArticleMdxError, parseArticle } from '../lib/mdx.ts';
import type { Problem } from '../lib/types.ts';
import { loadEditorContent, loadEventDefs } from './content.ts';
import { ingest, type IngestOptions } from './ingest.ts';

export interface CheckResult {
  problems: Problem[];
  seeds: number;
  articles: number;
  events: number;
  unreviewed: EventModel[];
}

export async function check(options: IngestOptions): Promise<CheckResult> {
  const contentDir = resolve(options.root, options.contentDir ?? 'content');
  const ingested = await ingest({ ...options, checkOnly: true });
  const problems = [...ingested.problems];
  const { events, problems: eventProblems } = await loadEventDefs(contentDir);
  problems.push(...eventProblems);

  // The generated files are validated (the site reads them), but the model is built from the seeds as
  // they are now: a check before the first ingest, or after a seed changed, lists the events to review.
  const articlesDir = join(contentDir, 'articles');
  const files = (await readdir(articlesDir).catch(() => [] as string[])).filter((f) => f.endsWith('.mdx')).sort();
  for (const file of files) {
    try {
      parseArticle(await readFile(join(articlesDir, file), 'utf8'), relative(options.root, join(articlesDir, file)));
    } catch (error) {
      if (!(error instanceof ArticleMdxError)) throw error;
      problems.push({ severity: 'error', file: error.file, ...(error.line ? { line: error.line } : {}), message: error.message, hint: error.hint });
    }
  }
  const records: ArticleRecord[] = ingested.records ?? [];
  const editor = await loadEditorContent(contentDir);
  let unreviewed: EventModel[] = [];
  let eventCount = 0;
  if (editor.content) {
    const model = buildSiteModel({ articles: records, events, ...editor.content });
    problems.push(...model.problems);
    unreviewed = model.events.filter((e) => e.generated);
    eventCount = model.events.length;
  }
  return { problems: dedupe(problems), seeds: ingested.seeds, articles: records.length, events: eventCount, unreviewed };
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.file}\0${p.line}\0${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
