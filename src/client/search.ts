/**
 * The search page's script: loads Pagefind from under the site's base path, fills the filter menus,
 * searches as the reader types (and on Enter), and renders results with language, event and date.
 * Result excerpts are rebuilt as text + <mark> only: nothing from the index is inserted as HTML.
 */
// Type only: the manifest's shape is defined where indexSite writes it (nothing of that module is bundled).
import type { ShardsManifest } from '../integrations/pagefind.ts';

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(path: string, o: Record<string, unknown>): Promise<void>;
  debouncedSearch(q: string, o: Record<string, unknown>, ms?: number): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
}
interface Messages {
  results: string;
  none: string;
  loading: string;
  /** The index could not be loaded (a file missing or not served). */
  failed: string;
  any: string;
  /** The interface language (dates are written its way) and the language names in it. */
  uiLang: string;
  langs: Record<string, string>;
}

const FILTERS = ['lang', 'event', 'component', 'outlet'] as const;
const PAGE_SIZE = 10;

export async function runSearchPage(form: HTMLFormElement): Promise<void> {
  const base = form.dataset.base ?? '/';
  const messages = JSON.parse(form.dataset.messages ?? '{}') as Messages;
  const status = document.getElementById('search-status')!;
  const list = document.getElementById('search-results')!;
  const input = form.elements.namedItem('q') as HTMLInputElement;
  let pagefind: Pagefind;
  try {
    pagefind = await loadIndex(base);
  } catch {
    status.textContent = messages.failed;
    return;
  }

  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  for (const name of FILTERS) {
    const select = form.querySelector<HTMLSelectElement>(`select[data-filter="${name}"]`)!;
    select.value = params.get(name) ?? '';
  }

  const run = async (): Promise<void> => {
    const query = input.value.trim();
    const filters: Record<string, string> = {};
    for (const name of FILTERS) {
      const value = form.querySelector<HTMLSelectElement>(`select[data-filter="${name}"]`)!.value;
      if (value) filters[name] = value;
    }
    const url = new URL(location.href);
    url.search = new URLSearchParams({ ...(query ? { q: query } : {}), ...filters }).toString();
    history.replaceState(null, '', url);
    if (!query && Object.keys(filters).length === 0) {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    status.textContent = messages.loading;
    const search = await pagefind.debouncedSearch(query || null as unknown as string, { filters }, 150);
    if (search === null) return; // superseded by a newer query
    // A page of results at a time: each result's data is a fragment to fetch, so the first search
    // transfers only what the reader sees.
    shown = search.results;
    list.replaceChildren();
    await showMore();
    status.textContent = shown.length === 0 ? messages.none : messages.results.replace('{count}', String(shown.length));
  };

  let shown: { data(): Promise<PagefindResultData> }[] = [];
  const more = document.getElementById('search-more') as HTMLButtonElement;
  const showMore = async (): Promise<void> => {
    const from = list.children.length;
    const page = await Promise.all(shown.slice(from, from + PAGE_SIZE).map((r) => r.data()));
    list.append(...page.map((r) => renderResult(r, messages)));
    more.hidden = list.children.length >= shown.length;
  };
  more.addEventListener('click', () => {
    const next = list.children.length;
    void showMore().then(() => list.querySelectorAll('a')[next]?.focus());
  });

  form.addEventListener('submit', (e) => { e.preventDefault(); void run(); });
  input.addEventListener('input', () => void run());
  // A filter menu's change; not the query box's, which fires on leaving it (its input event has already
  // searched): searching again would redraw the list under the result the arrow keys just focused.
  form.addEventListener('change', (e) => { if (e.target !== input) void run(); });
  // Down arrow from the query box moves to the first result; up/down move between results, up from the
  // first result or Escape anywhere in the list returns to the query box.
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && list.querySelector('a')) {
      list.querySelector('a')!.focus();
      e.preventDefault();
    }
  });
  list.addEventListener('keydown', (e) => {
    const links = [...list.querySelectorAll('a')];
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (at < 0) return;
    if (e.key === 'ArrowDown' && at + 1 < links.length) links[at + 1]!.focus();
    else if (e.key === 'ArrowUp') (at > 0 ? links[at - 1]! : input).focus();
    else if (e.key === 'Escape') input.focus();
    else return;
    e.preventDefault();
  });
  if (input.value || params.toString()) await run();
  input.focus();
  form.dataset.ready = 'true'; // the index is loaded and the form is live (tests wait for this)
}

/**
 * The index is in shards (src/lib/search-shards.ts), listed by its manifest: the first is Pagefind's primary
 * index, whose WebAssembly the others share; one query searches them all.
 */
async function loadIndex(base: string): Promise<Pagefind> {
  const manifest = await fetch(`${base}pagefind/shards.json`, { cache: 'no-cache' });
  if (!manifest.ok) throw new Error(`${manifest.status} fetching the search index's manifest`);
  const [primary, ...others] = ((await manifest.json()) as ShardsManifest).shards.map((path) => `${base}pagefind/${path}`);
  const pagefind = (await import(/* @vite-ignore */ `${primary}pagefind.js`)) as Pagefind;
  await pagefind.options({ baseUrl: base });
  await pagefind.init();
  await Promise.all(others.map((path) => pagefind.mergeIndex(path, { baseUrl: base })));
  return pagefind;
}

function renderResult(result: PagefindResultData, messages: Messages): HTMLLIElement {
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.href = result.url;
  link.textContent = result.meta.title ?? result.url;
  if (result.meta.lang) link.lang = result.meta.lang;
  const title = document.createElement('h2');
  title.append(link);
  const meta = document.createElement('p');
  meta.className = 'meta';
  const language = document.createElement('span');
  language.className = 'lang';
  language.textContent = messages.langs[result.meta.lang ?? ''] ?? result.meta.lang ?? '';
  const event = document.createElement('span');
  event.className = 'event';
  event.textContent = result.meta.event ?? '';
  const parts = [language, event, formatDate(result.meta.date, messages.uiLang)].filter(
    (p): p is HTMLElement => p !== undefined && p.textContent !== '',
  );
  parts.forEach((p, i) => meta.append(...(i > 0 ? [' · ', p] : [p])));
  const excerpt = document.createElement('p');
  if (result.meta.lang) excerpt.lang = result.meta.lang;
  excerpt.append(...safeExcerpt(result.excerpt));
  item.append(title, meta, excerpt);
  return item;
}

/** Text and <mark> only, whatever the excerpt holds. A <template> is inert: nothing in it loads or runs. */
function safeExcerpt(html: string): Node[] {
  const template = document.createElement('template');
  template.innerHTML = html;
  return [...template.content.childNodes].map((node) => {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      return mark;
    }
    return document.createTextNode(node.textContent ?? '');
  });
}

/** The date as the interface language writes it, in a <time> element; nothing for a missing or odd date. */
function formatDate(iso: string | undefined, uiLang: string): HTMLTimeElement | undefined {
  if (!iso || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return undefined;
  const time = document.createElement('time');
  time.dateTime = iso;
  const locale = uiLang === 'en' ? 'en-GB' : uiLang;
  time.textContent = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
  return time;
}
