/** A worker thread of `alignAll` (src/pipeline/alignment-cache.ts): aligns the events it is sent. */
import { parentPort } from 'node:worker_threads';
import { alignBilingual } from '../lib/align.ts';
import type { AlignArticle } from '../lib/types.ts';

parentPort!.on('message', (jobs: { articles: AlignArticle[]; componentOrder: string[] }[]) => {
  parentPort!.postMessage(jobs.map((job) => alignBilingual(job.articles, job.componentOrder)));
});
