/**
 * The bilingual view of each event, kept between builds (aligning every event is most of the site model's
 * time: ~8 s of ~10 s at 10,000 articles), keyed by sha256 of the build's site key — which covers the code
 * and editor files — and the alignment's own inputs (the event's reports and the component order). Adding
 * one article then aligns only the event it joins. Views no event of this build asked for are removed.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { alignBilingual } from '../lib/align.ts';
import type { Alignment } from '../lib/types.ts';

export function alignmentCache(dir: string, siteKey: string): { align: typeof alignBilingual; prune: () => void } {
  const used = new Set<string>();
  const align: typeof alignBilingual = (articles, componentOrder) => {
    const key = createHash('sha256').update(siteKey).update(JSON.stringify([componentOrder, articles])).digest('hex');
    const file = `${key}.json`;
    used.add(file);
    try {
      return JSON.parse(readFileSync(join(dir, file), 'utf8')) as Alignment;
    } catch {
      const alignment = alignBilingual(articles, componentOrder);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, file), JSON.stringify(alignment));
      return alignment;
    }
  };
  const prune = (): void => {
    let files: string[];
    try {
      files = readdirSync(dir);
    } catch {
      return; // nothing cached yet
    }
    for (const file of files) if (!used.has(file)) rmSync(join(dir, file), { force: true });
  };
  return { align, prune };
}
