/**
 * The article loader reads only what changed: unchanged files (same size and modification time) are not
 * parsed again, a file written again with the same text is not parsed again, and any edit is; entries
 * are keys of the parsed form in the cache; a file with wrong fields is refused; the cache keeps only the
 * entries the collection names (and files that are not entries).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { articlesLoader } from '../../src/loaders/articles.ts';
import { handOverParsed, parsedKey, readParsedByKey, takeParsed, writeParsedByKey } from '../../src/pipeline/parsed-cache.ts';

const real = resolve(import.meta.dirname, '../../content/articles');
const dir = mkdtempSync(join(tmpdir(), 'briefing-loader-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Entry { id: string; data: Record<string, unknown>; digest?: string }
const storeOf = (entries: Map<string, Entry>) => ({
  get: (id: string) => entries.get(id),
  set: (entry: Entry) => (entries.set(entry.id, entry), true),
  keys: () => [...entries.keys()],
  delete: (id: string) => void entries.delete(id),
});
const entries = new Map<string, Entry>();
const messages: string[] = [];
const context = {
  store: storeOf(entries),
  parseData: async ({ data }: { data: Record<string, unknown> }) => data,
  generateDigest: (text: string) => createHash('sha256').update(text).digest('hex'),
  logger: { info: (m: string) => messages.push(m) },
  config: { cacheDir: pathToFileURL(join(dir, 'cache/')) },
};
const title = (id: string) => readParsedByKey(join(dir, 'cache/briefing-parsed'), entries.get(id)!.data.parsed as string)?.frontMatter.title as string;
const load = async (): Promise<string> => {
  await articlesLoader({ dir }).load(context as never);
  return messages.at(-1)!;
};

describe('articles loader', () => {
  it('parses new files, skips unchanged ones, re-parses edited ones', async () => {
    copyFileSync(join(real, '000_4e4c541c79a5c744.mdx'), join(dir, 'a.mdx'));
    copyFileSync(join(real, '001_92e0b49aec71077b.mdx'), join(dir, 'b.mdx'));
    expect(await load()).toBe('2 articles (2 loaded, 0 unchanged)');
    expect(await load()).toBe('2 articles (0 loaded, 2 unchanged)');

    // Written again with the same text (a new modification time): nothing to parse.
    writeFileSync(join(dir, 'a.mdx'), readFileSync(join(dir, 'a.mdx')));
    expect(await load()).toBe('2 articles (0 loaded, 2 unchanged)');

    // Edited without changing its size: the new modification time tells.
    const text = readFileSync(join(dir, 'b.mdx'), 'utf8');
    const edited = text.replace(`"title": ${JSON.stringify(title('b'))}`, `"title": ${JSON.stringify(title('b').replace(/^./u, 'Ж'))}`);
    expect(edited).not.toBe(text);
    expect(Buffer.byteLength(edited)).toBe(Buffer.byteLength(text));
    writeFileSync(join(dir, 'b.mdx'), edited);
    utimesSync(join(dir, 'b.mdx'), new Date(), new Date(Date.now() + 5000));
    expect(await load()).toBe('2 articles (1 loaded, 1 unchanged)');
    expect(title('b')).toMatch(/^Ж/u);

    // A file whose fields are not what the ingest writes stops the build, naming the file and the field.
    writeFileSync(join(dir, 'c.mdx'), text.replace('"titleSource": "derived"', '"titleSource": "made-up"'));
    await expect(load()).rejects.toThrow(/c\.mdx does not have the fields the ingest writes \(titleSource: /);
    rmSync(join(dir, 'c.mdx'));

    rmSync(join(dir, 'a.mdx'));
    expect(await load()).toBe('1 articles (0 loaded, 1 unchanged)');
    expect([...entries.keys()]).toEqual(['b']);
  });
});

describe('articles loader: handing documents to the site model', () => {
  it('hands over each document it loaded, once, as the parse cache holds it', async () => {
    const own = mkdtempSync(join(tmpdir(), 'briefing-loader-hand-'));
    copyFileSync(join(real, '002_79abbbea140a4896.mdx'), join(own, 'h.mdx'));
    const store = new Map<string, Entry>();
    await articlesLoader({ dir: own }).load({ ...context, store: storeOf(store) } as never);
    const key = store.get('h')!.data.parsed as string;
    const handed = takeParsed(key);
    expect(handed).toEqual(readParsedByKey(join(dir, 'cache/briefing-parsed'), key));
    expect(takeParsed(key)).toBeUndefined(); // taken: the next model reads the cache
    // Unchanged at the next pass: not read, so nothing handed over.
    await articlesLoader({ dir: own }).load({ ...context, store: storeOf(store) } as never);
    expect(takeParsed(key)).toBeUndefined();
    rmSync(own, { recursive: true, force: true });
  });

  it('hands over nothing it was not given', () => {
    handOverParsed('k', { frontMatter: {}, paragraphs: [] });
    expect(takeParsed('other')).toBeUndefined();
    expect(takeParsed('k')).toEqual({ frontMatter: {}, paragraphs: [] });
  });
});

describe('articles loader: pruning the parse cache', () => {
  /** A folder of articles with its own cache and store; `gate` holds every parseData while it is on. */
  function site(name: string) {
    const root = join(dir, name);
    const articles = join(root, 'articles');
    const cache = join(root, 'cache/briefing-parsed');
    mkdirSync(articles, { recursive: true });
    const entries = new Map<string, Entry>();
    const handlers: Array<(path: string) => void> = [];
    const held: Array<() => void> = [];
    const gate = { on: false };
    const context = {
      store: storeOf(entries),
      parseData: async ({ data }: { data: Record<string, unknown> }) => {
        if (gate.on) await new Promise<void>((resolve) => held.push(resolve));
        return data;
      },
      generateDigest: (text: string) => createHash('sha256').update(text).digest('hex'),
      logger: { info: () => {} },
      config: { cacheDir: pathToFileURL(join(root, 'cache/')) },
      watcher: { add: () => {}, on: (_event: string, handler: (path: string) => void) => void handlers.push(handler) },
    };
    return {
      articles,
      cache,
      entries,
      gate,
      held,
      load: () => articlesLoader({ dir: articles }).load(context as never),
      /** What the watcher does for one event: a pass nobody awaits. */
      changed: (file: string) => handlers[0]!(join(articles, file)),
      key: (id: string) => entries.get(id)!.data.parsed as string,
      files: () => readdirSync(cache).sort(),
    };
  }
  const copy = (to: string, ...pairs: Array<[string, string]>) => {
    for (const [from, name] of pairs) copyFileSync(join(real, from), join(to, name));
  };
  /** A different size, so neither stamp nor digest matches; still what the ingest writes. */
  const retitle = (file: string, suffix: string) => {
    writeFileSync(file, readFileSync(file, 'utf8').replace(/"title": "/, `"title": "${suffix} `));
  };

  it('removes the entries of removed and changed articles, keeps live and foreign files', async () => {
    const s = site('prune');
    copy(s.articles, ['000_4e4c541c79a5c744.mdx', 'x.mdx'], ['001_92e0b49aec71077b.mdx', 'y.mdx'], ['002_79abbbea140a4896.mdx', 'z.mdx']);
    // An entry no article has (e.g. left by the ingest for a version since replaced), and files that are not entries.
    const doc = { frontMatter: {}, paragraphs: [] } as never;
    writeParsedByKey(s.cache, 'f'.repeat(64), doc);
    const foreign = ['notes.txt', `${'A'.repeat(64)}.json`, `${'e'.repeat(63)}.json`, `${'e'.repeat(64)}.json.tmp`, `${'e'.repeat(64)}.jsonl`];
    for (const f of foreign) writeFileSync(join(s.cache, f), 'x');
    mkdirSync(join(s.cache, `${'d'.repeat(64)}.json`)); // named like an entry but cannot be unlinked: no failure
    await s.load();
    const [x, y, z] = [s.key('x'), s.key('y'), s.key('z')];
    const entry = (k: string) => `${k}.json`;
    expect(s.files()).toEqual([...foreign, `${'d'.repeat(64)}.json`, entry(x), entry(y), entry(z)].sort());

    // y edited, z removed, x untouched: x is not even read this time, its entry must stay all the same.
    const oldY = y;
    retitle(join(s.articles, 'y.mdx'), 'Ж');
    rmSync(join(s.articles, 'z.mdx'));
    await s.load();
    expect(s.key('x')).toBe(x);
    expect(s.key('y')).not.toBe(oldY);
    expect(s.files()).toEqual([...foreign, `${'d'.repeat(64)}.json`, entry(x), entry(s.key('y'))].sort());
    // What the site model reads next: every entry of the collection is there.
    for (const id of s.entries.keys()) expect(readParsedByKey(s.cache, s.key(id))?.frontMatter.title).toBeTypeOf('string');
    expect(readParsedByKey(s.cache, s.key('y'))?.frontMatter.title).toMatch(/^Ж /u);

    // Two files with the same text share one entry; removing one of them keeps it.
    copyFileSync(join(s.articles, 'x.mdx'), join(s.articles, 'x2.mdx'));
    await s.load();
    expect(s.key('x2')).toBe(x);
    rmSync(join(s.articles, 'x2.mdx'));
    await s.load();
    expect(s.files()).toContain(entry(x));

    // A pass stopped by a refused file removes nothing (the store is only partly updated).
    writeParsedByKey(s.cache, 'f'.repeat(64), doc);
    writeFileSync(join(s.articles, 'bad.mdx'), readFileSync(join(s.articles, 'x.mdx'), 'utf8').replace('"titleSource": "derived"', '"titleSource": "made-up"'));
    await expect(s.load()).rejects.toThrow(/bad\.mdx does not have the fields/);
    expect(s.files()).toContain(entry('f'.repeat(64)));
    rmSync(join(s.articles, 'bad.mdx'));
    await s.load();
    expect(s.files()).not.toContain(entry('f'.repeat(64)));
  });

  it('does not remove the entry of a pass that has not stored its key yet (watcher passes overlap)', async () => {
    const s = site('overlap');
    copy(s.articles, ['000_4e4c541c79a5c744.mdx', 'a.mdx'], ['001_92e0b49aec71077b.mdx', 'b.mdx']);
    await s.load();
    s.gate.on = true;
    // Pass 1 skips a (unchanged), then waits while storing the edited b.
    retitle(join(s.articles, 'b.mdx'), 'Б');
    s.changed('b.mdx');
    await vi.waitFor(() => expect(s.held).toHaveLength(1));
    // Pass 2 sees a edited: it writes the new entry, then waits while storing its key.
    retitle(join(s.articles, 'a.mdx'), 'А');
    const newA = parsedKey(readFileSync(join(s.articles, 'a.mdx'), 'utf8'));
    s.changed('a.mdx');
    await vi.waitFor(() => expect(s.held).toHaveLength(2));
    expect(s.files()).toContain(`${newA}.json`);
    // Pass 1 ends first; its store still names the old a, but pass 2 is under way.
    const oldB = s.key('b');
    s.held[0]!();
    await vi.waitFor(() => expect(s.key('b')).not.toBe(oldB));
    await new Promise((resolve) => setTimeout(resolve, 0)); // pass 1 has ended
    expect(s.files()).toContain(`${newA}.json`);
    s.gate.on = false;
    s.held[1]!();
    await vi.waitFor(() => expect(s.key('a')).toBe(newA));
    await vi.waitFor(() => expect(s.files()).toHaveLength(2)); // the last pass pruned: old a and old b are gone
    expect(s.files()).toEqual([`${newA}.json`, `${s.key('b')}.json`].sort());
  });
});
