/**
 * A stream's writes held and written together, at most `delayMs` later. For a process that writes many short
 * lines (Astro logs two a page), a write of its own per line costs more than the lines are worth.
 *
 * - A write to `before` (stderr) first sends what is held, so the two streams keep the order they were written in.
 * - What is held is sent when the process exits, and by `flush()`.
 */
type Writable = Pick<NodeJS.WritableStream, 'write'>;
type Callback = (error?: Error | null) => void;

export function batchWrites(stream: Writable, before: Writable, delayMs: number): { flush(): void } {
  const write = stream.write.bind(stream) as (chunk: string | Uint8Array, callback?: Callback) => boolean;
  const writeBefore = before.write.bind(before) as (...args: unknown[]) => boolean;
  let held: Uint8Array[] = [];
  let callbacks: Callback[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (held.length === 0) return;
    const chunk = Buffer.concat(held);
    const done = callbacks;
    held = [];
    callbacks = [];
    write(chunk, done.length === 0 ? undefined : (error) => done.forEach((cb) => cb(error)));
  };

  stream.write = ((chunk: string | Uint8Array, encoding?: BufferEncoding | Callback, callback?: Callback): boolean => {
    const cb = typeof encoding === 'function' ? encoding : callback;
    held.push(typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8') : chunk);
    if (cb) callbacks.push(cb);
    if (timer === undefined) {
      timer = setTimeout(flush, delayMs);
      timer.unref?.();
    }
    return true;
  }) as Writable['write'];
  before.write = ((...args: unknown[]): boolean => {
    flush();
    return writeBefore(...args);
  }) as Writable['write'];
  process.once('exit', flush);
  return { flush };
}
