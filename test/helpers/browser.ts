/**
 * Debian's Chromium through playwright-core (Playwright's own browser download does not work here).
 * Without a Chromium the browser tests are skipped with the reason; under CI=true that is a failure.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

export function chromiumMissingReason(): string | undefined {
  if (hasChromium) return undefined;
  const reason = `browser tests skipped: no Chromium at ${CHROMIUM} (install it with \`apt-get install -y chromium\` or set CHROMIUM_PATH)`;
  if (process.env.CI === 'true') throw new Error(`${reason}; under CI=true a missing Chromium is a failure`);
  console.warn(reason);
  return reason;
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

/** Open a page of the served site, recording console errors and uncaught exceptions into `errors`. */
export async function openPage(browser: Browser, siteUrl: string, path: string, errors: string[]): Promise<Page> {
  const page = await browser.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${path}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`${path}: ${e.message}`));
  await page.goto(siteUrl + path);
  return page;
}

/** Every result of the current search: press "more" until all are shown. */
export async function allResults(page: Page): Promise<string[]> {
  for (;;) {
    const more = page.locator('#search-more');
    if (await more.isHidden()) break;
    const before = await page.locator('#search-results li').count();
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('#search-results li').length > n, before);
  }
  return page.$$eval('#search-results a', (as) => as.map((a) => (a as HTMLAnchorElement).pathname));
}
