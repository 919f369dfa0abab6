/** A worker thread of `analyseAll`: parses its own copy of the editor content, then analyses batches. */
import { parentPort, workerData } from 'node:worker_threads';
import { analyseSeed, type AnalyseJob } from './analyse.ts';
import { editorContentFrom, type EditorTexts } from './content.ts';

const content = editorContentFrom(workerData as EditorTexts);
parentPort!.on('message', ({ start, jobs }: { start: number; jobs: AnalyseJob[] }) => {
  parentPort!.postMessage({ start, results: jobs.map((job) => analyseSeed(job, content)) });
});
