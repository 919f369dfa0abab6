/** How the tools speak: problem lines, their order, and progress on a terminal versus a CI log. */
import { describe, expect, it } from 'vitest';
import { formatProblem, isCI, progressReporter, sortProblems, type ProgressStream } from '../../src/pipeline/report.ts';
import type { Problem } from '../../src/lib/types.ts';

function fakeStream(isTTY: boolean, columns = 60): ProgressStream & { out: string } {
  const stream = { isTTY, columns, out: '', write: (chunk: string) => (stream.out += chunk) };
  return stream;
}

const run = (report: ReturnType<typeof progressReporter>, files: string[]) => {
  files.forEach((f, i) => report(i, files.length, f));
  report(files.length, files.length, '');
};

describe('formatProblem and sortProblems', () => {
  it('writes file:line: severity: message, then the fix on its own line', () => {
    const p: Problem = { severity: 'error', file: 'seeds/bad.txt', line: 1, message: 'date 2026-02-30 does not exist', hint: 'use a real calendar date, YYYY-MM-DD' };
    expect(formatProblem(p)).toBe('seeds/bad.txt:1: error: date 2026-02-30 does not exist\n    fix: use a real calendar date, YYYY-MM-DD');
    expect(formatProblem({ ...p, line: undefined })).toMatch(/^seeds\/bad\.txt: error: /);
  });

  it('shows control characters from hostile file names as escapes, so the terminal is not driven by them', () => {
    const p: Problem = { severity: 'warning', file: 'seeds/\x1b]0;pwned\x07x\ny.txt', message: 'is \x1b[31mred', hint: 'h\u2028i' };
    const text = formatProblem(p);
    expect(text).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f\u2028]/);
    expect(text).toBe('seeds/\\u001b]0;pwned\\u0007x\\u000ay.txt: warning: is \\u001b[31mred\n    fix: h\\u2028i');
  });

  it('orders errors before warnings, then by file and line, whatever the input order', () => {
    const mk = (severity: Problem['severity'], file: string, line?: number): Problem => ({ severity, file, line, message: 'm', hint: 'h' });
    const sorted = sortProblems([mk('warning', 'a'), mk('error', 'b', 3), mk('error', 'b', 1), mk('error', 'a')]);
    expect(sorted.map((p) => `${p.severity} ${p.file}:${p.line ?? ''}`)).toEqual(['error a:', 'error b:1', 'error b:3', 'warning a:']);
  });
});

describe('progressReporter', () => {
  it('on a terminal rewrites one line with the count and the current file, and ends it with a newline', () => {
    const stream = fakeStream(true);
    run(progressReporter(stream, 'ingest', {}), ['a.txt', 'b.txt']);
    expect(stream.out).toBe('\r\x1b[2Kingest: 1/2 a.txt\r\x1b[2Kingest: 2/2 b.txt\r\x1b[2Kingest: 2/2\n');
    expect(stream.out.split('\n')).toHaveLength(2);
  });

  it('cuts the line to the terminal width and escapes control characters in file names', () => {
    const stream = fakeStream(true, 30);
    progressReporter(stream, 'ingest', {})(0, 3, `${'я'.repeat(50)}\x1b[2J.txt`);
    const line = stream.out.replace('\r\x1b[2K', '');
    expect(Array.from(line).length).toBeLessThanOrEqual(29);
    expect(line).not.toContain('\x1b');
  });

  it('in CI (CI=true, even on a terminal) or without a terminal prints plain lines, one per 10 %, and nothing for small runs', () => {
    const files = Array.from({ length: 200 }, (_, i) => `s${i}.txt`);
    for (const [tty, env] of [[true, { CI: 'true' }], [false, {}], [false, { CI: '1' }]] as const) {
      const stream = fakeStream(tty);
      run(progressReporter(stream, 'ingest', env), files);
      expect(stream.out).not.toContain('\r');
      expect(stream.out).not.toContain('\x1b');
      expect(stream.out.trim().split('\n')).toEqual([0, 20, 40, 60, 80, 100, 120, 140, 160, 180, 200].map((n) => `ingest: ${n}/200`));
    }
    const small = fakeStream(false);
    run(progressReporter(small, 'ingest', {}), ['a.txt', 'b.txt']);
    expect(small.out).toBe('');
  });

  it('reads CI the way CI services set it', () => {
    expect(isCI({ CI: 'true' })).toBe(true);
    expect(isCI({ CI: '1' })).toBe(true);
    expect(isCI({ CI: 'false' })).toBe(false);
    expect(isCI({ CI: '' })).toBe(false);
    expect(isCI({})).toBe(false);
  });
});
