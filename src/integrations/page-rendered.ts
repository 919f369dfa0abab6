/**
 * Build-time middleware of the Pagefind integration (src/integrations/pagefind.ts): tells it, before each page
 * is rendered, which route the page is of, so that it can tell when every article page is written. The
 * integration's state lives in the build process, not in this bundled module: it is reached through a global.
 */
import type { MiddlewareHandler } from 'astro';

export const PAGE_RENDERED = Symbol.for('briefing.pageRendered');

export const onRequest: MiddlewareHandler = (context, next) => {
  (globalThis as { [PAGE_RENDERED]?: (route: string) => void })[PAGE_RENDERED]?.(context.routePattern);
  return next();
};
