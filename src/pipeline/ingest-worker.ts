/** Runs `ingest` in a child process for `ingestApart` (src/pipeline/ingest.ts): options in, progress and result out. */
import { ingest, type IngestOptions } from './ingest.ts';

process.once('message', (options: Omit<IngestOptions, 'onProgress'>) => {
  void ingest({
    ...options,
    onProgress: (done, total, file) => process.send!({ progress: [done, total, file] }),
  }).then(
    ({ records: _records, ...result }) => process.send!({ result }, () => process.disconnect()),
    (error: unknown) => process.send!({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }, () => process.disconnect()),
  );
});
