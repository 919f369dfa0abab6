/**
 * Routine writes to a stream held and written together, at most `delayMs` later. For a process that writes
 * many short lines (Astro logs two a page), a write of its own per line costs more than the lines are worth.
 *
 * - Only writes `routine` says are routine are held. Any other write goes out at once, after what is held: a
 *   timer cannot fire while the thread is busy (Astro builds the site model for seconds after saying it starts
 *   the pages), and the bench times the build's steps by when their lines arrive.
 * - A write to `before` (stderr) first sends what is held, so the two streams keep the order they were written in.
 * - What is held is sent when the process exits, and by `flush()`.
 */
type Writable = Pick<NodeJS.WritableStream, 'write'>;
type Callback = (error?: Error | null) => void;

export function batchWrites(stream: Writable, before: Writable, delayMs: number, routine: (text: string) => boolean = () => true): { flush(): void } {
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
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8') : chunk;
    held.push(bytes);
    if (cb) callbacks.push(cb);
    if (!routine(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString())) {
      flush();
      return true;
    }
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

const ANSI = /\x1b\[[0-9;]*m/g;
/** Astro's two writes for each page it builds: `  ├─ /path/index.html` and ` (+12ms)` (or `(cached)`). */
export function isAstroPageLine(text: string): boolean {
  const plain = text.replace(ANSI, '');
  return plain.includes('├─') || /^\s*\((?:\+[\d.]+m?s|cached|restored)\)\s*$/.test(plain);
}
