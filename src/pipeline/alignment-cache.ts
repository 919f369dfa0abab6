/**
 * The bilingual view of each event, kept between builds (aligning every event is most of the site model's
 * time: ~5 s of ~7 s at 10,000 articles), keyed by sha256 of the build's site key — which covers the code
 * and editor files — and the alignment's own inputs (the event's reports and the component order). Adding
 * one article then aligns only the event it joins. Views no event of this build asked for are removed.
 * The views not kept are aligned on two threads when there are many (a build from scratch): the site model
 * is built before Astro renders a page, with the second core idle.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { alignBilingual } from '../lib/align.ts';
import type { AlignArticle, Alignment } from '../lib/types.ts';

export interface AlignJob {
  articles: AlignArticle[];
  componentOrder: string[];
}

/**
 * Sentences to align, at least, before a second thread is worth its start and the copying of its events
 * (~0.2 s and ~0.5 s at 10,000 articles; the second thread saved ~2 s there).
 */
const PARALLEL_FROM_SENTENCES = 20_000;

export function alignmentCache(dir: string, siteKey: string) {
  const used = new Set<string>();
  const keyOf = (job: AlignJob) => createHash('sha256').update(siteKey).update(JSON.stringify([job.componentOrder, job.articles])).digest('hex');

  /** The view of every job: those kept from the last build, the others aligned (and kept for the next). */
  const alignAll = async (jobs: AlignJob[], workerModule?: string): Promise<Alignment[]> => {
    const views: (Alignment | undefined)[] = [];
    const missing: number[] = [];
    const keys = jobs.map((job, i) => {
      const key = keyOf(job);
      used.add(`${key}.json`);
      try {
        views[i] = JSON.parse(readFileSync(join(dir, `${key}.json`), 'utf8')) as Alignment;
      } catch {
        missing.push(i);
      }
      return key;
    });
    const aligned = await alignOnThreads(missing.map((i) => jobs[i]!), workerModule);
    mkdirSync(dir, { recursive: true });
    missing.forEach((i, k) => {
      views[i] = aligned[k]!;
      writeFileSync(join(dir, `${keys[i]}.json`), JSON.stringify(aligned[k]));
    });
    return views as Alignment[];
  };

  const prune = (): void => {
    let files: string[];
    try {
      files = readdirSync(dir);
    } catch {
      return; // nothing cached yet
    }
    for (const file of files) if (!used.has(file)) rmSync(join(dir, file), { force: true });
  };
  return { alignAll, prune };
}

const sentencesOf = (job: AlignJob) => job.articles.reduce((n, a) => n + a.paragraphs.reduce((m, p) => m + p.sentences.length, 0), 0);

/**
 * `alignBilingual` of every job, in order: on this thread, and — when there are many sentences, a second core
 * and `workerModule` (src/pipeline/align-worker.ts) — half of them, by sentences, on a worker thread.
 */
export async function alignOnThreads(jobs: AlignJob[], workerModule?: string, parallelFrom = PARALLEL_FROM_SENTENCES): Promise<Alignment[]> {
  const sizes = jobs.map(sentencesOf);
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total < parallelFrom || jobs.length < 2 || availableParallelism() < 2 || workerModule === undefined || !existsSync(workerModule)) {
    return jobs.map((job) => alignBilingual(job.articles, job.componentOrder));
  }
  // Largest first, each to the lighter side.
  const order = jobs.map((_, i) => i).sort((a, b) => sizes[b]! - sizes[a]! || a - b);
  const mine: number[] = [];
  const theirs: number[] = [];
  let load = 0;
  for (const i of order) {
    if (load <= 0) {
      mine.push(i);
      load += sizes[i]!;
    } else {
      theirs.push(i);
      load -= sizes[i]!;
    }
  }
  const worker = new Worker(workerModule);
  try {
    const fromWorker = new Promise<Alignment[]>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the alignment thread stopped (exit code ${code})`)));
    });
    worker.postMessage(theirs.map((i) => jobs[i]));
    const views: Alignment[] = [];
    for (const i of mine) views[i] = alignBilingual(jobs[i]!.articles, jobs[i]!.componentOrder);
    const theirViews = await fromWorker;
    theirs.forEach((i, k) => (views[i] = theirViews[k]!));
    return views;
  } finally {
    void worker.terminate();
  }
}
