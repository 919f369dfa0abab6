/**
 * Seed → article record + MDX text, for many seeds: inline for a few, on worker threads (one per core)
 * for many, since analysis is CPU-bound and the machine has more than one core. Results come back in
 * the order of the jobs, so the output does not depend on which worker finished first.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { buildArticle, toDocument, type ArticleRecord, type EditorContent } from '../lib/article.ts';
import { ArticleMdxError, writeArticle } from '../lib/mdx.ts';
import type { ArticleDocument, Problem } from '../lib/types.ts';
import type { EditorTexts } from './content.ts';

export interface AnalyseJob {
  file: string;
  /** The seed's path as the editor sees it, for messages. */
  shown: string;
  bytes: Uint8Array;
}

export interface AnalysedSeed {
  record?: ArticleRecord;
  mdx?: string;
  /** The document as read back from `mdx` (what the content loader would parse). */
  parsed?: ArticleDocument;
  problems: Problem[];
}

export function analyseSeed(job: AnalyseJob, content: EditorContent): AnalysedSeed {
  const built = buildArticle(job.file, job.bytes, content);
  const problems = built.problems.map((p) => ({ ...p, file: job.shown }));
  if (!built.record) return { problems };
  try {
    const { mdx, parsed } = writeArticle(toDocument(built.record), `content/articles/${built.record.id}.mdx`);
    return { record: built.record, mdx, parsed, problems };
  } catch (error) {
    if (!(error instanceof ArticleMdxError)) throw error;
    problems.push({ severity: 'error', file: job.shown, message: `cannot be written safely as MDX: ${error.message}`, hint: error.hint });
    return { problems };
  }
}

/** Below this many seeds, starting workers costs more than it saves. */
const PARALLEL_FROM = 150;
const BATCH = 25;

export async function analyseAll(
  jobs: AnalyseJob[],
  content: EditorContent,
  texts: EditorTexts,
  onDone?: (done: number) => void,
): Promise<AnalysedSeed[]> {
  const workers = Math.min(availableParallelism(), 8, Math.ceil(jobs.length / PARALLEL_FROM));
  if (workers <= 1 || process.env.BRIEFING_WORKERS === '0') {
    return jobs.map((job, i) => {
      const result = analyseSeed(job, content);
      onDone?.(i + 1);
      return result;
    });
  }
  const results = new Array<AnalysedSeed>(jobs.length);
  let next = 0;
  let done = 0;
  await Promise.all(
    Array.from({ length: workers }, () =>
      new Promise<void>((resolveWorker, reject) => {
        const worker = new Worker(new URL('./analyse-worker.ts', import.meta.url), { workerData: texts });
        const send = (): void => {
          if (next >= jobs.length) {
            void worker.terminate().then(() => resolveWorker());
            return;
          }
          const start = next;
          next = Math.min(jobs.length, next + BATCH);
          worker.postMessage({ start, jobs: jobs.slice(start, next) });
        };
        worker.on('message', (message: { start: number; results: AnalysedSeed[] }) => {
          message.results.forEach((r, i) => (results[message.start + i] = r));
          done += message.results.length;
          onDone?.(done);
          send();
        });
        worker.on('error', reject);
        worker.once('online', send);
      }),
    ),
  );
  return results;
}
