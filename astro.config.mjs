// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import pagefind from './src/integrations/pagefind.ts';
import reuse from './src/integrations/reuse.ts';

// One place for the deployment settings: BRIEFING_BASE serves the site from a sub-path (e.g. /briefing/).
const base = process.env.BRIEFING_BASE ?? '/';

export default defineConfig({
  site: process.env.BRIEFING_SITE ?? 'https://briefing.example.org',
  base,
  trailingSlash: 'always',
  build: { format: 'directory', concurrency: Number(process.env.BRIEFING_CONCURRENCY ?? 4) },
  outDir: process.env.BRIEFING_OUT_DIR ?? './dist',
  // A separate cache per content folder, so a fixture build never reuses the main site's data store.
  cacheDir: process.env.BRIEFING_CACHE_DIR ?? './node_modules/.astro',
  // The remark pipeline, with the typography rewrites off: a briefing shows source text exactly
  // (no smart quotes, no autolinks) — this applies to the editor-written event summaries.
  markdown: { processor: unified({ gfm: false, smartypants: false }) },
  // Order matters: reused article pages are back in place before Pagefind reads them.
  integrations: [mdx(), reuse(), pagefind()],
  devToolbar: { enabled: false },
});
