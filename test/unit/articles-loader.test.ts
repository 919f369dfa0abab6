/**
 * The article loader reads only what changed: unchanged files (same size and modification time) are not
 * parsed again, a file written again with the same text is not parsed again, and any edit is; entries
 * are keys of the parsed form in the cache; a file with wrong fields is refused.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { articlesLoader } from '../../src/loaders/articles.ts';
import { readParsedByKey } from '../../src/pipeline/parsed-cache.ts';

const real = resolve(import.meta.dirname, '../../content/articles');
const dir = mkdtempSync(join(tmpdir(), 'briefing-loader-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Entry { id: string; data: Record<string, unknown>; digest?: string }
const entries = new Map<string, Entry>();
const messages: string[] = [];
const context = {
  store: {
    get: (id: string) => entries.get(id),
    set: (entry: Entry) => (entries.set(entry.id, entry), true),
    keys: () => [...entries.keys()],
    delete: (id: string) => void entries.delete(id),
  },
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
