// @ts-check
/**
 * The benchmark's baseline: a plain Astro site over the same corpus — the default glob loader over
 * `*.mdx`, @astrojs/mdx, one page per entry, and Pagefind's Node API on build done. Nothing else.
 * BASELINE_CONTENT_DIR: the folder of .mdx files; BASELINE_OUT_DIR / BASELINE_CACHE_DIR: where to build.
 */
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

/** @type {import('astro').AstroIntegration} */
const pagefindIntegration = {
  name: 'baseline:pagefind',
  hooks: {
    'astro:build:done': async ({ dir, logger }) => {
      const started = performance.now();
      const { index, errors } = await pagefind.createIndex({});
      if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
      const outDir = fileURLToPath(dir);
      const added = await index.addDirectory({ path: outDir });
      if (added.errors.length) throw new Error(added.errors.join('; '));
      const written = await index.writeFiles({ outputPath: `${outDir.replace(/\/$/, '')}/pagefind` });
      if (written.errors.length) throw new Error(written.errors.join('; '));
      await pagefind.close();
      logger.info(`indexed ${added.page_count} pages in ${Math.round(performance.now() - started)} ms`);
    },
  },
};

export default defineConfig({
  trailingSlash: 'always',
  build: { format: 'directory' },
  outDir: process.env.BASELINE_OUT_DIR ?? './dist',
  cacheDir: process.env.BASELINE_CACHE_DIR ?? './node_modules/.astro',
  integrations: [mdx(), pagefindIntegration],
  devToolbar: { enabled: false },
});
