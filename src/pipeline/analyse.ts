/**
 * Seed → article record + MDX file, for many seeds: inline for a few, on worker threads (one per core)
 * for many, since analysis is CPU-bound and the machine has more than one core. Results come back in
 * the order of the jobs, so the output does not depend on which worker finished first.
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { buildArticle, toDocument, type ArticleRecord, type EditorContent } from '../lib/article.ts';
import { ArticleMdxError, writeArticle } from '../lib/mdx.ts';
import type { Problem } from '../lib/types.ts';
import type { EditorTexts } from './content.ts';
import { parsedKey, writeParsedByKey } from './parsed-cache.ts';

export interface AnalyseJob {
  file: string;
  /** The seed's path as the editor sees it, for messages. */
  shown: string;
  bytes: Uint8Array;
}

export interface AnalysedSeed {
  record?: ArticleRecord;
  /** sha256 of the MDX text (also its key in the parse cache). */
  outputHash?: string;
  problems: Problem[];
}

/**
 * Where the analysis leaves its outputs as it goes, on the thread that analysed the seed. At 10,000 seeds,
 * writing them all after the analysis took 3–10 s on this machine; written as each seed is done,
 * the writes overlap the analysis of the others, and the texts are not copied back to the main thread.
 */
export interface AnalyseOutputs {
  /**
   * The content loader's parse cache (src/pipeline/parsed-cache.ts): the document read back from the MDX,
   * keyed by the MDX text, so the loader does not parse it again. An entry for a seed the ingest then
   * does not write is harmless: the loader prunes the entries no article uses.
   */
  parsedCache?: string;
  /** A folder for the MDX texts (`stagedPath`), which the ingest moves into content/articles or drops. */
  stage?: string;
}

/** Where a job's MDX text is staged: named after its seed file, which is unique in the seeds folder. */
export const stagedPath = (stage: string, job: Pick<AnalyseJob, 'file'>): string => join(stage, `${job.file}.mdx`);

export function analyseSeed(job: AnalyseJob, content: EditorContent, outputs: AnalyseOutputs = {}): AnalysedSeed {
  const built = buildArticle(job.file, job.bytes, content);
  const problems = built.problems.map((p) => ({ ...p, file: job.shown }));
  if (!built.record) return { problems };
  try {
    const { mdx, parsed } = writeArticle(toDocument(built.record), `content/articles/${built.record.id}.mdx`);
    const outputHash = parsedKey(mdx);
    if (outputs.parsedCache) writeParsedByKey(outputs.parsedCache, outputHash, parsed);
    if (outputs.stage) writeFileSync(stagedPath(outputs.stage, job), mdx);
    return { record: built.record, outputHash, problems };
  } catch (error) {
    if (!(error instanceof ArticleMdxError)) throw error;
    problems.push({ severity: 'error', file: job.shown, message: `cannot be written safely as MDX: ${error.message}`, hint: error.hint });
    return { problems };
  }
}

export interface AnalyseWorkerData {
  texts: EditorTexts;
  outputs: AnalyseOutputs;
}

/** Below this many seeds, starting workers costs more than it saves. */
const PARALLEL_FROM = 150;
const BATCH = 25;

export async function analyseAll(
  jobs: AnalyseJob[],
  content: EditorContent,
  texts: EditorTexts,
  onDone?: (done: number) => void,
  outputs: AnalyseOutputs = {},
): Promise<AnalysedSeed[]> {
  const workers = Math.min(availableParallelism(), 8, Math.ceil(jobs.length / PARALLEL_FROM));
  if (workers <= 1 || process.env.BRIEFING_WORKERS === '0') {
    return jobs.map((job, i) => {
      const result = analyseSeed(job, content, outputs);
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
        const worker = new Worker(new URL('./analyse-worker.ts', import.meta.url), {
          workerData: { texts, outputs } satisfies AnalyseWorkerData,
        });
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
