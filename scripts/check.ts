/**
 * npm run check — validate all seeds and content without building; exits 1 on any error.
 * Also lists the events briefing grouped by itself, for an editor to review and name.
 */
import { check } from '../src/pipeline/check.ts';
import { formatProblem, sortProblems } from '../src/pipeline/report.ts';

const result = await check({
  root: process.cwd(),
  seedsDir: process.env.BRIEFING_SEEDS_DIR,
  contentDir: process.env.BRIEFING_CONTENT_DIR,
});
for (const p of sortProblems(result.problems)) console.error(formatProblem(p));
for (const e of result.unreviewed) {
  console.log(
    `unreviewed event "${e.slug}" (${e.date ?? 'no date'}): ${e.articles.length} article(s): ${e.articles.map((a) => a.seed).join(', ')}` +
      `\n    name it: create content/events/${e.slug}.mdx with title, date and place (see README, "Events")`,
  );
}
const errors = result.problems.filter((p) => p.severity === 'error').length;
const warnings = result.problems.length - errors;
console.log(`check: ${result.seeds} seeds, ${result.articles} articles, ${result.events} events (${result.unreviewed.length} unreviewed), ${errors} errors, ${warnings} warnings`);
process.exitCode = errors ? 1 : 0;
