/**
 * npm run screenshot [-- --page /events/<slug>/] [--out docs/event-page.png] [--width 1280] [--element <css>]
 * A picture of a page of the built site (`dist/`, from `npm run build`), served over HTTP and opened in
 * Debian's Chromium, as the browser tests open it. Made the README's picture (docs/event-page.png). Without
 * `--element` the whole page is taken.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launch } from '../test/helpers/browser.ts';
import { serve } from '../test/helpers/serve.ts';

const { values } = parseArgs({
  options: {
    page: { type: 'string', default: '/events/2026-01-06-paris-coalition-summit/' },
    out: { type: 'string', default: 'docs/event-page.png' },
    width: { type: 'string', default: '1280' },
    element: { type: 'string' },
    dist: { type: 'string', default: process.env.BRIEFING_OUT_DIR ?? 'dist' },
  },
});

const site = await serve(resolve(values.dist), '/');
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: Number(values.width), height: 900 } });
  const response = await page.goto(new URL(values.page.replace(/^\//, ''), site.url).href);
  if (!response?.ok()) throw new Error(`${values.page}: HTTP ${response?.status() ?? 'no response'} (is the site built, and built for the base "/"?)`);
  const out = resolve(values.out);
  if (values.element) await page.locator(values.element).first().screenshot({ path: out });
  else await page.screenshot({ path: out, fullPage: true });
  console.log(`screenshot: ${values.page} → ${out}`);
} finally {
  await browser.close();
  await site.close();
}
