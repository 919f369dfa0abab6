/**
 * Two full builds of the same seeds into two fresh folders (different absolute paths, separate caches)
 * must give byte-identical content/ and dist/: no absolute paths, timestamps, random ids or map order
 * in any output file.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, prepareSite, ROOT } from '../helpers/site.ts';
import { snapshot, writeSeed } from './ingest-helpers.ts';

describe('determinism', () => {
  it('builds the same bytes twice, in two different folders', async () => {
    const sites = [];
    for (const name of ['determinism-a', 'determinism-b']) {
      const site = await prepareSite(name, [join(ROOT, 'seeds')]);
      // Beyond the five seeds: an undated seed, an odd file name and a second, generated event.
      await writeSeed(site, 'Саміт «без дати».txt', 'Союзники України домовилися в Парижі про багатонаціональні сили, повідомляє Reuters.\n');
      await writeSeed(site, 'geneva.txt', ' date 2026-03-10 Переговоры в Женеве о прекращении огня продолжились, сообщает Reuters.\n');
      const run = await buildSite(site, '/briefing/');
      expect(run.code, run.stderr).toBe(0);
      sites.push(site);
    }
    const [a, b] = sites;
    for (const part of ['contentDir', 'outDir'] as const) {
      const left = await snapshot(a![part]);
      const right = await snapshot(b![part]);
      expect([...right.keys()].sort(), part).toEqual([...left.keys()].sort());
      const differ = [...left].filter(([file, state]) => right.get(file)?.sha !== state.sha).map(([file]) => file);
      expect(differ, part).toEqual([]);
      expect(left.size).toBeGreaterThan(part === 'outDir' ? 20 : 7);
    }
    // And no output names the folder it was built in.
    const folder = a!.dir.slice(ROOT.length + 1);
    for (const file of (await snapshot(a!.outDir)).keys()) {
      if (!/\.(html|json|js|css)$/.test(file)) continue;
      expect((await readFile(join(a!.outDir, file), 'utf8')).includes(folder), file).toBe(false);
    }
  });
});
