/**
 * In Chromium, against the built site served over HTTP from a sub-path: search in both languages,
 * filters, keyboard use, the bilingual view, console errors and an axe-core accessibility check.
 */
import { readFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import uk from '../../src/translations/uk.json' with { type: 'json' };
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allResults, chromiumMissingReason, launch, openPage } from '../helpers/browser.ts';
import { serve, type Served } from '../helpers/serve.ts';
import { buildSite, prepareSite, ROOT, type FixtureSite } from '../helpers/site.ts';

const BASE = '/briefing/';
const EVENT = '2026-01-06-paris-coalition-summit';
const skip = chromiumMissingReason();

describe.skipIf(skip)('the built site in Chromium', () => {
  let site: FixtureSite;
  let server: Served;
  let browser: Browser;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    site = await prepareSite('e2e', [join(ROOT, 'seeds')]);
    const run = await buildSite(site, BASE);
    if (run.code !== 0) throw new Error(`build failed:\n${run.stdout}\n${run.stderr}`);
    server = await serve(site.outDir, BASE);
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = (path: string): Promise<Page> => openPage(browser, server.url, path, consoleErrors);

  async function search(query: string, filters: Record<string, string> = {}): Promise<string[]> {
    const params = new URLSearchParams({ q: query, ...filters });
    const page = await open(`search/?${params}`);
    await page.waitForFunction(() => document.getElementById('search-status')?.textContent !== '' && !document.getElementById('search-status')?.textContent?.endsWith('…'));
    const hrefs = await allResults(page);
    await page.close();
    return hrefs.map((h) => h.replace(`${BASE}articles/`, '').replace(/\/$/, ''));
  }

  it('finds Russian reports for a Russian word and the Ukrainian report for a Ukrainian word', async () => {
    const ru = await search('координационная');
    expect(ru).toContain('004_0e8e30f65426c530');
    const uk = await search('багатонаціональних');
    expect(uk).toContain('001_92e0b49aec71077b');
  });

  it('filters results by language', async () => {
    const onlyUk = await search('Париж', { lang: 'Українська' });
    expect(onlyUk).toEqual(['001_92e0b49aec71077b']);
  });

  it('is usable with the keyboard: type, then arrow down to the first result and open it', async () => {
    const page = await open('search/');
    // The page focuses the query box once the index is ready.
    await page.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.name === 'q');
    await page.keyboard.type('коаліції');
    await page.waitForSelector('#search-results a');
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.pathname);
    expect(focused).toMatch(new RegExp(`^${BASE}articles/`));
    await Promise.all([page.waitForURL(/\/articles\//), page.keyboard.press('Enter')]);
    await page.close();
  });

  it('says so when the search index cannot be loaded', async () => {
    const page = await browser.newPage(); // not `open`: the failed request is the point, not a console error to report
    await page.route('**/pagefind/shards.json', (route) => route.fulfill({ status: 404, body: '' }));
    await page.goto(`${server.url}search/?q=${encodeURIComponent('коаліції')}`);
    await page.waitForFunction((text) => document.getElementById('search-status')?.textContent === text, uk['search.failed']);
    expect(await page.locator('#search-results li').count()).toBe(0);
    await page.close();
  });

  it('shows the Russian and the Ukrainian column on the bilingual page, stacked on a narrow screen', async () => {
    const page = await open(`events/${EVENT}/sources/`);
    expect(await page.locator('.bilingual .cell a[lang=ru]').count()).toBeGreaterThan(0);
    expect(await page.locator('.bilingual .cell a[lang=uk]').count()).toBeGreaterThan(0);
    const wide = await page.locator('.bilingual .cell').first().boundingBox();
    await page.setViewportSize({ width: 375, height: 800 });
    const narrow = await page.locator('.bilingual .cell').first().boundingBox();
    expect(narrow!.width).toBeGreaterThan(wide!.width * 0.5);
    expect(narrow!.width).toBeGreaterThan(300);
    await page.close();
  });

  it('has no accessibility violations on the event page (axe-core)', async () => {
    const page = await open(`events/${EVENT}/`);
    await page.addScriptTag({ content: await readFile(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8') });
    const violations = await page.evaluate(async () => {
      const result = await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe.run();
      return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    expect(violations).toEqual([]);
    await mkdir(join(ROOT, 'test/.tmp/screenshots'), { recursive: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: join(ROOT, 'test/.tmp/screenshots/event.png'), fullPage: true });
    await page.close();
  });

  it('logged no console errors on any page it opened', async () => {
    for (const path of ['', `events/${EVENT}/`, `articles/001_92e0b49aec71077b/`]) (await open(path)).close();
    expect(consoleErrors).toEqual([]);
  });
});
