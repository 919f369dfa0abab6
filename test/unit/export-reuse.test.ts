/**
 * The data export reused an event at a time (src/pipeline/export-reuse.ts): a rebuild copies the pieces of
 * the events that did not change from the last export and gives the very bytes of an export made anew.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ArticleRecord } from '../../src/lib/article.ts';
import { buildSiteModel, type SiteModel } from '../../src/lib/briefing.ts';
import { eventsExportPieces, eventsExportText } from '../../src/lib/export.ts';
import { exportBytes, exportReuse } from '../../src/pipeline/export-reuse.ts';
import { EXPORT_PATH, reuseDir } from '../../src/pipeline/reuse.ts';
import { loadEntities, loadEvents, loadTaxonomy, recordsIn } from '../fixtures/events/load.ts';

const taxonomy = loadTaxonomy();
const entities = loadEntities();
const events = loadEvents();
const model = (articles: ArticleRecord[]) => buildSiteModel({ articles, events, taxonomy, entities });
/** Stands in for src/model.ts's eventDigest (which needs Astro): everything the event holds. */
const digest = (event: SiteModel['events'][number]) =>
  createHash('sha256').update(JSON.stringify({ ...event, prev: undefined, next: undefined, alignment: undefined })).digest('hex');

const roots: string[] = [];
afterAll(() => roots.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function cache(): string {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-export-'));
  roots.push(dir);
  return dir;
}

/** What the route does: the export's bytes, reusing what it can (the site key `siteKey`). */
function exportWith(cacheDir: string, siteKey: string, m: SiteModel): Buffer {
  const reuse = exportReuse(cacheDir, siteKey);
  return Buffer.concat([...exportBytes(eventsExportPieces(m, (event) => reuse.reused(digest(event))), reuse, digest)]);
}
/** What scripts/build.ts does before Astro: the last export goes aside with the reused pages. */
function setAside(cacheDir: string, bytes: Buffer): void {
  const file = join(reuseDir(cacheDir), EXPORT_PATH);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, bytes);
}
const madeAnew = (m: SiteModel) => Buffer.from([...eventsExportText(m)].join(''));
const index = (cacheDir: string) => JSON.parse(readFileSync(join(cacheDir, 'briefing-export.json'), 'utf8'));

const articles = [...recordsIn('seeds', { taxonomy, entities }), ...recordsIn('test/fixtures/site-events/seeds', { taxonomy, entities })];
const before = model(articles);
// One article fewer: its event changes, the others do not.
const after = model(articles.filter((a) => a.id !== before.events[0]!.articles[0]!.id));

describe('exportReuse', () => {
  it('copies the unchanged events from the last export and gives the bytes of an export made anew', () => {
    const dir = cache();
    const first = exportWith(dir, 'k', before);
    expect(first.equals(madeAnew(before))).toBe(true);
    expect(index(dir).reused).toBe(0); // nothing set aside yet
    setAside(dir, first);
    const second = exportWith(dir, 'k', after);
    expect(second.equals(madeAnew(after))).toBe(true);
    const changed = after.events.filter((e) => !before.events.some((b) => digest(b) === digest(e))).length;
    expect(changed).toBeGreaterThan(0);
    expect(after.events.length - changed).toBeGreaterThan(2);
    expect(index(dir).reused).toBe(after.events.length - changed);
  });

  it('reuses nothing under another site key, or from a set-aside file that is not the one indexed', () => {
    const dir = cache();
    const first = exportWith(dir, 'k', before);
    setAside(dir, first);
    expect(exportWith(dir, 'other code', after).equals(madeAnew(after))).toBe(true);
    expect(index(dir).reused).toBe(0);

    const again = cache();
    setAside(again, exportWith(again, 'k', before));
    exportWith(again, 'k', before); // indexes the export it wrote, but the set-aside file is still the first
    setAside(again, Buffer.concat([first, Buffer.from(' ')]));
    expect(exportWith(again, 'k', after).equals(madeAnew(after))).toBe(true);
    expect(index(again).reused).toBe(0);
  });

  it('keeps no index while an export is unfinished', () => {
    const dir = cache();
    setAside(dir, exportWith(dir, 'k', before));
    const reuse = exportReuse(dir, 'k');
    const bytes = exportBytes(eventsExportPieces(after, (event) => reuse.reused(digest(event))), reuse, digest);
    bytes.next();
    expect(existsSync(join(dir, 'briefing-export.json'))).toBe(false);
  });
});
