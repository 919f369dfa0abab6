/** Runs `ingest` on a worker thread for `ingestApart` (src/pipeline/ingest.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { ingest, type IngestOptions } from './ingest.ts';

const options = workerData as Omit<IngestOptions, 'onProgress'>;
const { records: _records, ...result } = await ingest({
  ...options,
  onProgress: (done, total, file) => parentPort!.postMessage({ progress: [done, total, file] }),
});
parentPort!.postMessage({ result });
