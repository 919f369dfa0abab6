/** A worker thread of `analyseAll`: parses its own copy of the editor content, then analyses batches. */
import { parentPort, workerData } from 'node:worker_threads';
import { analyseSeed, type AnalyseJob, type AnalyseWorkerData } from './analyse.ts';
import { editorContentFrom } from './content.ts';

const { texts, outputs } = workerData as AnalyseWorkerData;
const content = editorContentFrom(texts);
parentPort!.on('message', ({ start, jobs }: { start: number; jobs: AnalyseJob[] }) => {
  parentPort!.postMessage({ start, results: jobs.map((job) => analyseSeed(job, content, outputs)) });
});
