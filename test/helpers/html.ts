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
