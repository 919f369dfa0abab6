import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { batchWrites, isAstroPageLine } from '../../src/pipeline/batched-output.ts';

/** A stream that records each write it gets, as text, in one log shared with its sibling. */
function recorder(name: string, log: string[]) {
  return {
    writes: 0,
    write(chunk: string | Uint8Array, encodingOrCallback?: unknown, callback?: unknown): boolean {
      this.writes += 1;
      log.push(`${name}:${Buffer.from(chunk).toString()}`);
      const cb = typeof encodingOrCallback === 'function' ? encodingOrCallback : callback;
      if (typeof cb === 'function') cb();
      return true;
    },
  };
}

describe('batchWrites', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends many writes as one, after the delay, in order', () => {
    const log: string[] = [];
    const out = recorder('out', log);
    const err = recorder('err', log);
    batchWrites(out, err, 100);
    for (let i = 0; i < 1000; i++) out.write(`line ${i}\n`);
    expect(log).toEqual([]);
    vi.advanceTimersByTime(100);
    expect(out.writes).toBe(1); // the recorder counts only what reaches it
    expect(log).toEqual([`out:${Array.from({ length: 1000 }, (_, i) => `line ${i}\n`).join('')}`]);
  });

  it('keeps the order of the two streams: a write to the other sends what is held first', () => {
    const log: string[] = [];
    const out = recorder('out', log);
    const err = recorder('err', log);
    batchWrites(out, err, 100);
    out.write('a\n');
    out.write('b\n');
    err.write('failed\n');
    out.write('c\n');
    vi.advanceTimersByTime(100);
    expect(log).toEqual(['out:a\nb\n', 'err:failed\n', 'out:c\n']);
  });

  it('sends everything on flush, honours encodings, and calls every callback', () => {
    const log: string[] = [];
    const out = recorder('out', log);
    const output = batchWrites(out, recorder('err', log), 100);
    const called: number[] = [];
    out.write('Привет, ', () => called.push(1));
    out.write(Buffer.from('6d6972', 'hex').toString('base64'), 'base64', () => called.push(2));
    out.write(new TextEncoder().encode('!\n'));
    expect(called).toEqual([]);
    output.flush();
    expect(log).toEqual(['out:Привет, mir!\n']);
    expect(called).toEqual([1, 2]);
    output.flush(); // nothing held: nothing written
    expect(log).toHaveLength(1);
  });

  it('sends a write that is not routine at once, after what is held, even if no timer could fire', () => {
    const log: string[] = [];
    const out = recorder('out', log);
    batchWrites(out, recorder('err', log), 100, isAstroPageLine);
    out.write('16:19:35   ├─ /articles/a/index.html');
    out.write(' \x1b[2m(+21ms)\x1b[22m\n');
    expect(log).toEqual([]);
    out.write('\n generating static routes \n');
    expect(log).toEqual(['out:16:19:35   ├─ /articles/a/index.html \x1b[2m(+21ms)\x1b[22m\n\n generating static routes \n']);
  });
});

describe('isAstroPageLine', () => {
  it("knows Astro's two writes for a page, coloured or not, and nothing else", () => {
    for (const text of [
      '16:19:35   \x1b[34m├─\x1b[39m \x1b[2m/articles/b000004-ru/index.html\x1b[22m',
      '16:19:35   ├─ /data/events.json',
      ' \x1b[2m(+1.99s)\x1b[22m\n',
      ' (+21ms) \n',
      ' \x1b[32m(cached)\x1b[39m\n',
    ]) expect(isAstroPageLine(text), text).toBe(true);
    for (const text of [
      '\n generating static routes \n',
      '16:19:35 ✓ Completed in 24.60s.\n',
      '16:19:35 [build] 13366 page(s) built in 29.49s\n',
      '[briefing:pagefind] indexed 10000 pages (+2 shards)\n',
    ]) expect(isAstroPageLine(text), text).toBe(false);
  });
});
