/**
 * How much memory a build's processes hold, so that scripts/build.ts lets Pagefind run beside Astro only when
 * both fit the memory budget (BRIEFING_MEMORY_BUDGET_MB, src/settings.ts).
 */
import { readFileSync } from 'node:fs';

/**
 * Pagefind 1.6 holds about this much per page while it writes an index (measured: 250, 500, 1,000 and 2,000
 * article pages, 74–263 MB; linear, ~262 kB a page, whatever the threads).
 */
export const PAGEFIND_BYTES_PER_PAGE = 270 * 1024;

/** Resident memory of a process (bytes), from /proc; undefined where there is no /proc (then nothing runs beside Astro). */
export function residentBytes(pid: number): number | undefined {
  try {
    const kb = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? undefined : Number(kb) * 1024;
  } catch {
    return undefined;
  }
}

/**
 * Whether a Pagefind shard of `pages` pages fits beside the processes `pids` (their resident memory now) within
 * `budgetBytes`.
 */
export function shardFits(pids: number[], pages: number, budgetBytes: number): boolean {
  let held = 0;
  for (const pid of pids) {
    const bytes = residentBytes(pid);
    if (bytes === undefined) return false;
    held += bytes;
  }
  return held + pages * PAGEFIND_BYTES_PER_PAGE <= budgetBytes;
}
