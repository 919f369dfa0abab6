/**
 * A rebuild reuses the unchanged article pages, Pagefind fragments and pieces of the data export of the
 * previous build (src/pipeline/reuse.ts, src/pipeline/export-reuse.ts). What it writes must be byte for byte what a build from scratch writes:
 * seeds are added, changed and removed between builds, and an editor file that every page shows changes.
 * The first case indexes in shards of two pages (BRIEFING_SEARCH_SHARD_SIZE), so the shards kept and those
 * written again add up to the index of a build from scratch (whose Pagefind runs beside Astro).
 */
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SHARDS_MANIFEST, type ShardsManifest } from '../../src/integrations/pagefind.ts';
import { describe, expect, it } from 'vitest';
import { buildSite, prepareSite, ROOT, type FixtureSite } from '../helpers/site.ts';
import { snapshot, writeSeed } from './ingest-helpers.ts';

/** Search shards of two article pages: seven articles make four shards. */
const SHARDED = { BRIEFING_SEARCH_SHARD_SIZE: '2' };
const GENEVA = ['geneva.txt', ' date 2026-03-10 Переговоры в Женеве о прекращении огня продолжились, сообщает Reuters.\n'] as const;
const ADDED = ['oslo.txt', ' date 2026-05-20 У Осло міністри оборони обговорили постачання ППО, повідомляє Reuters.\n'] as const;

async function differences(a: FixtureSite, b: FixtureSite): Promise<{ onlyIn: string[]; differ: string[] }> {
  const left = await snapshot(a.outDir);
  const right = await snapshot(b.outDir);
  const onlyIn = [...new Set([...left.keys(), ...right.keys()])].filter((f) => !left.has(f) || !right.has(f));
  const differ = [...left].filter(([file, state]) => right.has(file) && right.get(file)!.sha !== state.sha).map(([f]) => f);
  return { onlyIn, differ };
}

const seedsOf = async (site: FixtureSite) => (await readdir(site.seedsDir)).sort();
/** The inode of each article and event page: a reused page is moved back, not written again, so it keeps its inode. */
async function pageInodes(site: FixtureSite, under = 'articles'): Promise<Map<string, number>> {
  const pages = (await readdir(join(site.outDir, under), { recursive: true })).filter((f) => f.endsWith('index.html'));
  return new Map(await Promise.all(pages.map(async (page) => [page, (await stat(join(site.outDir, under, page))).ino] as const)));
}

describe('rebuilds reuse unchanged output', () => {
  it('gives the bytes of a build from scratch after seeds are added, changed and removed', async () => {
    const site = await prepareSite('reuse-incremental', [join(ROOT, 'seeds')]);
    await writeSeed(site, ...GENEVA);
    const first = await buildSite(site, '/briefing/', [], SHARDED);
    expect(first.code, first.stderr).toBe(0);
    const before = await pageInodes(site);
    const eventsBefore = await pageInodes(site, 'events');

    // Add one, change one, remove one.
    await writeSeed(site, ...ADDED);
    const seeds = (await seedsOf(site)).filter((f) => f !== GENEVA[0] && f !== ADDED[0]);
    const changedSeed = join(site.seedsDir, seeds[0]!);
    await writeFile(changedSeed, `${await readFile(changedSeed, 'utf8')}\nДобавленный абзац о гарантиях безопасности.\n`);
    await rm(join(site.seedsDir, seeds[1]!));
    const second = await buildSite(site, '/briefing/', [], SHARDED);
    expect(second.code, second.stderr).toBe(0);
    // It reuses article pages, which are put back only after Astro: Pagefind waits for Astro's end.
    expect(second.stdout).not.toMatch(/while Astro rendered/);
    const after = await pageInodes(site);
    const kept = [...after].filter(([id, ino]) => before.get(id) === ino).map(([id]) => id);
    expect(kept.length).toBe(before.size - 2); // all but the changed and the removed article's page
    // The summit's pages changed (one report changed, one left); Geneva's bilingual view did not (its
    // event page did: it links to the new event after it).
    const eventsAfter = await pageInodes(site, 'events');
    const reused = [...eventsAfter].filter(([page, ino]) => eventsBefore.get(page) === ino).map(([page]) => page);
    expect(reused.length).toBeGreaterThan(0);
    expect(reused.every((page) => /zheneve/.test(page) && page.includes('/sources/')), reused.join(' ')).toBe(true);
    // The data export copied the events that did not change (Geneva's) from the first build's.
    const exported = JSON.parse(await readFile(join(site.cacheDir, 'briefing-export.json'), 'utf8')) as { reused: number };
    expect(exported.reused).toBeGreaterThan(0);

    const fresh = await prepareSite('reuse-fresh', [site.seedsDir]);
    const scratch = await buildSite(fresh, '/briefing/', [], SHARDED);
    expect(scratch.code, scratch.stderr).toBe(0);
    // It renders every article page: Pagefind starts on the shards whose pages are written while Astro renders
    // the rest, and the bytes below are still those of the rebuild, whose Pagefind ran after Astro.
    expect(scratch.stdout).toMatch(/\(\d+ of them while Astro rendered\)/);
    const shards = JSON.parse(await readFile(join(site.outDir, 'pagefind', SHARDS_MANIFEST), 'utf8')) as ShardsManifest;
    expect(shards.shards.length).toBeGreaterThan(2);
    expect(await differences(site, fresh)).toEqual({ onlyIn: [], differ: [] });
    // Stale Pagefind files of the first build are gone (the comparison above covers it; say it plainly).
    let fragments = 0;
    for (const shard of shards.shards) fragments += (await readdir(join(site.outDir, 'pagefind', shard, 'fragment'))).length;
    expect(fragments).toBe((await readdir(join(site.outDir, 'articles'))).length);
  });

  it('renders every page again when something every page shows changes', async () => {
    const site = await prepareSite('reuse-editor-change', [join(ROOT, 'seeds')]);
    expect((await buildSite(site, '/')).code).toBe(0);
    const before = await pageInodes(site);
    const file = join(site.contentDir, 'entities.yaml');
    await writeFile(file, `${await readFile(file, 'utf8')}\n`); // same entities, other bytes: a new site key
    const again = await buildSite(site, '/');
    expect(again.code, again.stderr).toBe(0);
    const after = await pageInodes(site);
    expect([...after].filter(([id, ino]) => before.get(id) === ino)).toEqual([]);
  });
});
