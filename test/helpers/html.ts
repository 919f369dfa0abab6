/** Read built pages as trees: select elements and take their text the way a reader sees it. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';

export interface Page {
  tree: Root;
  html: string;
  $: (selector: string) => Element | undefined;
  $$: (selector: string) => Element[];
  text: (node: Element | Root) => string;
}

export async function readPage(outDir: string, path: string): Promise<Page> {
  const file = path.endsWith('.html') ? path : join(path, 'index.html');
  const html = await readFile(join(outDir, file), 'utf8');
  const tree = fromHtml(html);
  return {
    tree,
    html,
    $: (s) => select(s, tree),
    $$: (s) => selectAll(s, tree),
    // textContent, not innerText: white space exactly as in the document.
    text: (node) => toText(node, { whitespace: 'pre' }),
  };
}

export function attr(el: Element | undefined, name: string): string | undefined {
  const value = el?.properties?.[name];
  if (value === undefined || value === null) return undefined;
  return Array.isArray(value) ? value.join(' ') : String(value);
}

/**
 * Every page of a paged view (src/components/Pager.astro), in order, from its first: follows the pager's "next"
 * link. `pathOf` turns a link, on the page at `from`, into the path of its page below `outDir`.
 */
export async function pagesOf(
  outDir: string,
  first: string,
  pathOf: (href: string, from: string) => string,
): Promise<Array<{ path: string; page: Page }>> {
  const pages: Array<{ path: string; page: Page }> = [];
  for (let path: string | undefined = first; path !== undefined; ) {
    const page = await readPage(outDir, path);
    pages.push({ path, page });
    const next = page.$('nav.pages a[rel=next]');
    path = next ? pathOf(attr(next, 'href')!, path) : undefined;
    if (pages.length > 200) throw new Error(`${first}: the "next" links do not end`);
  }
  return pages;
}
