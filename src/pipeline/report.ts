/** How the command-line tools speak: problems as `file:line: error: what — how to fix`, progress on a TTY. */
import type { Problem } from '../lib/types.ts';

export function formatProblem(p: Problem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  return `${where}: ${p.severity}: ${p.message}\n    fix: ${p.hint}`;
}

/** Errors first, then by file and line: the same order on every run. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) ||
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      (a.line ?? 0) - (b.line ?? 0),
  );
}

/**
 * Progress for long runs: a single rewritten line with count and current file on a terminal; in CI (or any
 * non-terminal) a plain line every 10 % so logs stay short and line-based.
 */
export function progressReporter(stream: NodeJS.WriteStream = process.stderr, label = 'ingest') {
  const interactive = Boolean(stream.isTTY) && !process.env.CI;
  let lastDecile = -1;
  return (done: number, total: number, file: string): void => {
    if (total === 0) return;
    if (interactive) {
      const line = done === total ? `${label}: ${total}/${total}` : `${label}: ${done + 1}/${total} ${file}`;
      stream.write(`\r\x1b[2K${line.slice(0, (stream.columns ?? 100) - 1)}${done === total ? '\n' : ''}`);
      return;
    }
    const decile = Math.floor((done * 10) / total);
    if (total >= 50 && decile !== lastDecile) {
      lastDecile = decile;
      stream.write(`${label}: ${done}/${total}\n`);
    }
  };
}
