/**
 * npm run screenshot [-- --page /events/<slug>/] [--out docs/event-page.png] [--width 1100] [--element <css> | --viewport]
 * A picture of a page of the built site (`dist/`, from `npm run build`), served over HTTP and opened in
 * Debian's Chromium, as the browser tests open it. The README's picture is the default: the event page's first
 * 900 px at 1,100 px wide (`--viewport`). `--element` takes one element; with neither, the whole page.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launch } from '../test/helpers/browser.ts';
import { serve } from '../test/helpers/serve.ts';

const { values } = parseArgs({
  options: {
    page: { type: 'string', default: '/events/2026-01-06-paris-coalition-summit/' },
    out: { type: 'string', default: 'docs/event-page.png' },
    width: { type: 'string', default: '1100' },
    element: { type: 'string' },
    viewport: { type: 'boolean', default: false },
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
  else await page.screenshot({ path: out, fullPage: !values.viewport });
  console.log(`screenshot: ${values.page} → ${out}`);
} finally {
  await browser.close();
  await site.close();
}
