/** How the command-line tools speak: problems as `file:line: error: what — how to fix`, progress on a TTY. */
import type { Problem } from '../lib/types.ts';

/**
 * Control characters from file names or seed text shown as `\u001b`: a hostile name cannot move the
 * cursor, recolour or retitle the editor's terminal, and every problem stays on its two lines.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function formatProblem(p: Problem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  return `${printable(where)}: ${p.severity}: ${printable(p.message)}\n    fix: ${printable(p.hint)}`;
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

/** The part of a stream the reporter uses (a fake one in tests). */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(chunk: string): unknown;
}

/** CI=true (or any value but "false"/"0"/empty) means a CI log, even on a pseudo-terminal. */
export function isCI(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.CI?.trim().toLowerCase();
  return value !== undefined && value !== '' && value !== 'false' && value !== '0';
}

/**
 * Progress for long runs: a single rewritten line with count and current file on a terminal; in CI (or any
 * non-terminal) a plain line every 10 % of a run of at least 50 files, so logs stay short and line-based.
 */
export function progressReporter(stream: ProgressStream = process.stderr, label = 'ingest', env: NodeJS.ProcessEnv = process.env) {
  const interactive = Boolean(stream.isTTY) && !isCI(env);
  let lastDecile = -1;
  return (done: number, total: number, file: string): void => {
    if (total === 0) return;
    if (interactive) {
      const line = done >= total ? `${label}: ${total}/${total}` : `${label}: ${done + 1}/${total} ${printable(file)}`;
      // Cut by code points to the terminal width, so the line never wraps (and then never piles up).
      const width = Math.max(20, (stream.columns ?? 100) - 1);
      stream.write(`\r\x1b[2K${Array.from(line).slice(0, width).join('')}${done >= total ? '\n' : ''}`);
      return;
    }
    const decile = Math.floor((done * 10) / total);
    if (total >= 50 && decile !== lastDecile) {
      lastDecile = decile;
      stream.write(`${label}: ${done}/${total}\n`);
    }
  };
}
