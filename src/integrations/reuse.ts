/**
 * Puts back the pages this build did not render because they are unchanged
 * (src/pipeline/reuse.ts). Runs in `astro:build:done` before the Pagefind integration reads the pages.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { restorePages } from '../pipeline/reuse.ts';

export default function reuseIntegration(): AstroIntegration {
  let cacheDir = '';
  return {
    name: 'briefing:reuse',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:done': ({ dir, logger }) => {
        const restored = restorePages(fileURLToPath(dir), cacheDir);
        if (restored > 0) logger.info(`${restored} unchanged pages reused from the previous build`);
      },
    },
  };
}
