/**
 * The bilingual view in pages, in Chromium: the five seeds built under /briefing/ with a page budget of a few
 * sentences (BRIEFING_SOURCES_PAGE_SIZE), and two reports a page (BRIEFING_REPORTS_PAGE_SIZE). A row link of the
 * event page opens the page holding the row, scrolled to it; the pager leads through the pages; the pages, and
 * the reports view, pass axe-core.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import uk from '../../src/translations/uk.json' with { type: 'json' };
import { chromiumMissingReason, launch, openPage } from '../helpers/browser.ts';
import { serve, type Served } from '../helpers/serve.ts';
import { prepareSite, ROOT, runScript, type FixtureSite } from '../helpers/site.ts';

const BASE = '/briefing/';
const EVENT = '2026-01-06-paris-coalition-summit';
const VIEW = `events/${EVENT}/sources/`;
const skip = chromiumMissingReason();

describe.skipIf(skip)('the bilingual view in pages, in Chromium', () => {
  let site: FixtureSite;
  let server: Served;
  let browser: Browser;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    site = await prepareSite('e2e-pages', [join(ROOT, 'seeds')]);
    const run = await runScript('build.ts', site, [], { BRIEFING_BASE: BASE, BRIEFING_SOURCES_PAGE_SIZE: '8', BRIEFING_REPORTS_PAGE_SIZE: '2' });
    if (run.code !== 0) throw new Error(`build failed:\n${run.stdout}\n${run.stderr}`);
    server = await serve(site.outDir, BASE);
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = (path: string): Promise<Page> => openPage(browser, server.url, path, consoleErrors);

  it('follows every row link of the event page to the page holding the row, and to the row itself', async () => {
    const event = await open(`events/${EVENT}/`);
    const links = await event.$$eval('li.card a[href*="#row-"]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
    await event.close();
    expect(links.length).toBe(6);
    expect(links.some((l) => l.includes(`${VIEW}page/`))).toBe(true);
    for (const link of links) {
      const page = await browser.newPage();
      await page.goto(link);
      const anchor = new URL(link).hash.slice(1);
      expect(await page.evaluate(() => document.querySelector(':target')?.id), link).toBe(anchor);
      expect(await page.locator(`[id="${anchor}"]`).isVisible()).toBe(true);
      await page.close();
    }
  });

  it('walks the pages with the pager: next to the end, then the numbered link back to page 1', async () => {
    const page = await open(VIEW);
    const nav = page.getByRole('navigation', { name: uk['sources.pages'] });
    const seen = [new URL(page.url()).pathname];
    for (let next = nav.locator('a[rel=next]'); (await next.count()) > 0; next = nav.locator('a[rel=next]')) {
      await Promise.all([page.waitForURL((url) => url.pathname !== seen.at(-1)), next.click()]);
      seen.push(new URL(page.url()).pathname);
      expect(await nav.locator('[aria-current=page]').textContent()).toContain(String(seen.length));
    }
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.slice(1)).toEqual(seen.slice(1).map((_, i) => `${BASE}${VIEW}page/${i + 2}/`));
    await Promise.all([page.waitForURL((url) => url.pathname === `${BASE}${VIEW}`), nav.getByRole('link', { name: `${uk['sources.page']} 1`, exact: true }).click()]);
    await page.close();
  });

  it('has no accessibility violations on a later page of the full view, of a component view and of the reports view (axe-core)', async () => {
    const axe = await readFile(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
    const paged = (await readdir(join(site.outDir, VIEW))).filter((c) => c !== 'page' && existsSync(join(site.outDir, VIEW, c, 'page/2/index.html')));
    expect(paged.length).toBeGreaterThan(0);
    for (const path of [`${VIEW}page/2/`, `${VIEW}${paged[0]}/page/2/`, `events/${EVENT}/`, `events/${EVENT}/reports/page/2/`]) {
      const page = await open(path);
      await page.addScriptTag({ content: axe });
      const violations = await page.evaluate(async () => {
        const result = await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe.run();
        return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
      });
      expect(violations, path).toEqual([]);
      await page.close();
    }
    expect(consoleErrors).toEqual([]);
  });
});
